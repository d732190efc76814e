import { describe, expect, it } from 'vitest';
import { ConnectionSettingsError } from '@kafka-assignors/cli';
import { demoKafka } from '../src/demo-kafka.js';

describe('demoKafka', () => {
  it('refuses TLS or SASL variables without KAFKA_BROKERS, before starting a broker: the local one is plaintext', async () => {
    const said: string[] = [];
    await expect(demoKafka((line) => said.push(line), { KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'plain' })).rejects.toThrow(
      'KAFKA_SSL, KAFKA_SASL_MECHANISM set without KAFKA_BROKERS: the local broker the demo starts is plaintext; name your cluster in KAFKA_BROKERS',
    );
    expect(said).toEqual([]);
  });

  it('names the variable of a bad connection setting before it waits for the cluster', async () => {
    const failure = demoKafka(() => undefined, { KAFKA_BROKERS: '127.0.0.1:1', KAFKA_SASL_MECHANISM: 'kerberos' });
    await expect(failure).rejects.toBeInstanceOf(ConnectionSettingsError);
    await expect(failure).rejects.toThrow(/^KAFKA_SASL_MECHANISM: "kerberos" is not a SASL mechanism/);
  });
});
