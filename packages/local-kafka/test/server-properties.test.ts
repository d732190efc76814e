import { describe, expect, test } from 'vitest';
import { scramFormatArguments } from '../src/secured/secured-listeners.js';
import { renderServerProperties } from '../src/server-properties.js';

function parse(text: string): Map<string, string> {
  return new Map(
    text
      .trimEnd()
      .split('\n')
      .map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)] as const;
      }),
  );
}

describe('renderServerProperties', () => {
  const settings = { brokerPort: 40001, controllerPort: 40002, dataDir: '/tmp/run/data', line: '4' } as const;

  test('describes one combined KRaft node on 127.0.0.1 that votes for itself', () => {
    const properties = parse(renderServerProperties(settings));
    expect(properties.get('process.roles')).toBe('broker,controller');
    expect(properties.get('node.id')).toBe('1');
    expect(properties.get('controller.quorum.voters')).toBe('1@127.0.0.1:40002');
    expect(properties.get('listeners')).toBe('PLAINTEXT://127.0.0.1:40001,CONTROLLER://127.0.0.1:40002');
    expect(properties.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:40001');
    expect(properties.get('controller.listener.names')).toBe('CONTROLLER');
    expect(properties.get('log.dirs')).toBe('/tmp/run/data');
  });

  test('sizes internal topics for one node and speeds up groups for tests', () => {
    const properties = parse(renderServerProperties(settings));
    expect(Object.fromEntries(properties)).toMatchObject({
      'offsets.topic.replication.factor': '1',
      'transaction.state.log.replication.factor': '1',
      'transaction.state.log.min.isr': '1',
      'offsets.topic.num.partitions': '1',
      'group.initial.rebalance.delay.ms': '0',
      'group.min.session.timeout.ms': '1000',
      'auto.create.topics.enable': 'false',
    });
  });

  test('lets overrides replace defaults and add keys, each key once', () => {
    const text = renderServerProperties({
      ...settings,
      overrides: { 'group.initial.rebalance.delay.ms': 500, 'group.max.size': 3 },
    });
    const properties = parse(text);
    expect(properties.get('group.initial.rebalance.delay.ms')).toBe('500');
    expect(properties.get('group.max.size')).toBe('3');
    expect(text.match(/^group\.initial\.rebalance\.delay\.ms=/gm)).toHaveLength(1);
  });

  test('4.x: sizes the share-group state topic too, and quickens consumer-protocol heartbeats', () => {
    const voters = [1, 2, 3].map((nodeId) => ({ nodeId, controllerPort: 40010 + nodeId }));
    const properties = parse(renderServerProperties({ ...settings, voters }));
    expect(Object.fromEntries(properties)).toMatchObject({
      'share.coordinator.state.topic.replication.factor': '3',
      'share.coordinator.state.topic.min.isr': '2',
      'group.consumer.heartbeat.interval.ms': '1000',
    });
  });

  test('3.9: leaves out the settings only 4.x knows', () => {
    const keys = [...parse(renderServerProperties({ ...settings, line: '3.9' })).keys()];
    expect(keys.filter((key) => key.startsWith('share.') || key.startsWith('group.consumer.'))).toEqual([]);
    expect(keys).toContain('offsets.topic.replication.factor');
  });
});

describe('renderServerProperties of a secured node', () => {
  const certificates = { caFile: '/run/ca.pem', brokerKeystoreFile: '/run/broker-keystore.pem', clientCertFile: '/run/client.pem', clientKeyFile: '/run/client-key.pem' };
  const users = {
    plain: { username: 'plain-user', password: 'plain-secret' },
    'scram-sha-256': { username: 'scram256-user', password: 'scram256-secret' },
    'scram-sha-512': { username: 'scram512-user', password: 'scram512-secret' },
  };
  const properties = parse(
    renderServerProperties({ brokerPort: 40001, controllerPort: 40002, dataDir: '/tmp/run/data', line: '4', secured: { saslSslPort: 40003, mutualTlsPort: 40004, certificates, users } }),
  );

  test('adds a SASL_SSL listener and a mutual-TLS one, advertised as bound, while brokers and controllers keep PLAINTEXT', () => {
    expect(properties.get('listeners')).toBe('PLAINTEXT://127.0.0.1:40001,CONTROLLER://127.0.0.1:40002,SASL_SSL://127.0.0.1:40003,MTLS://127.0.0.1:40004');
    expect(properties.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:40001,SASL_SSL://127.0.0.1:40003,MTLS://127.0.0.1:40004');
    expect(properties.get('listener.security.protocol.map')).toBe('CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL,MTLS:SSL');
    expect(properties.get('inter.broker.listener.name')).toBe('PLAINTEXT');
    expect(properties.get('listener.name.mtls.ssl.client.auth')).toBe('required');
  });

  test('takes PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512 on SASL_SSL, the PLAIN user in its JAAS line, with the PEM stores', () => {
    expect(properties.get('listener.name.sasl_ssl.sasl.enabled.mechanisms')).toBe('PLAIN,SCRAM-SHA-256,SCRAM-SHA-512');
    expect(properties.get('listener.name.sasl_ssl.plain.sasl.jaas.config')).toBe('org.apache.kafka.common.security.plain.PlainLoginModule required user_plain-user="plain-secret";');
    expect(properties.get('listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config')).toBe('org.apache.kafka.common.security.scram.ScramLoginModule required;');
    expect(Object.fromEntries(properties)).toMatchObject({
      'ssl.keystore.type': 'PEM',
      'ssl.keystore.location': '/run/broker-keystore.pem',
      'ssl.truststore.type': 'PEM',
      'ssl.truststore.location': '/run/ca.pem',
    });
  });

  test('creates the SCRAM users when the storage is formatted', () => {
    expect(scramFormatArguments(users)).toEqual([
      '--add-scram', 'SCRAM-SHA-256=[name=scram256-user,password=scram256-secret]',
      '--add-scram', 'SCRAM-SHA-512=[name=scram512-user,password=scram512-secret]',
    ]);
  });
});
