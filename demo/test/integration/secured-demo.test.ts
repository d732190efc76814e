import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { describeWithKafka } from '@kafka-assignors/local-kafka/vitest';

const REPOSITORY = fileURLToPath(new URL('../../..', import.meta.url));

describeWithKafka('the failover demo on a secured cluster', (kafka) => {
  test('runs end to end with KAFKA_BROKERS on the SASL_SSL listener and SCRAM-SHA-512 credentials in the environment', async () => {
    const secured = kafka.secured();
    const { username, password } = secured.users['scram-sha-512'];
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('KAFKA_')));
    const environment = {
      ...inherited,
      KAFKA_BROKERS: secured.saslSsl,
      KAFKA_SSL_CA: secured.certificates.caFile,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: username,
      KAFKA_SASL_PASSWORD: password,
    };
    // What `npm run demo` runs, without npm in between.
    const demo = ['--conditions=kafka-assignors-source', '--import', 'tsx', 'demo/src/failover-demo.ts'];
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(process.execPath, demo, { cwd: REPOSITORY, env: environment, timeout: 150_000, maxBuffer: 16 * 1024 * 1024 }, (error, out) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout: out });
      });
    });
    expect(stdout).toContain(`Using the cluster at ${secured.saslSsl} (SASL_SSL).`);
    expect(stdout).toMatch(/pod-b took over \d+\.\d s after the kill/);
    expect(stdout).toMatch(/All [\d,]+ messages were processed; \d+ twice\./);
    expect(stdout).not.toContain(password);
    console.info(stdout.split('\n').filter((line) => / took over |messages were processed/.test(line)).join('\n'));
    expect({ code, failed: stdout.split('\n').filter((line) => line.startsWith('The demo failed')) }).toEqual({ code: 0, failed: [] });
  }, 180_000);
});
