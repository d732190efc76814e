import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import type { KafkaConnection } from '@kafka-assignors/cli';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { activeStandbyAssignor } from '@kafka-assignors/assignor-active-standby';
import { stickyAssignor } from '@kafka-assignors/assignor-sticky';
import { followEventStream, GroupLedger, startKafkaJSMember, type SecuredListeners } from '@kafka-assignors/local-kafka';
import { describeWithKafka, testTopics } from '@kafka-assignors/local-kafka/vitest';
import type { GroupDescription } from '../../src/describe/group-description.js';

const cli = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const PARTITIONS = 6;
/** Every refusal below must come well within this: one line, never a hang. */
const REFUSAL_WITHIN_MS = 10_000;

interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly elapsedMs: number;
}

/** Runs the built CLI, as a user would, with `environment` added to ours minus every KAFKA_ variable. */
function runBuiltCli(args: readonly string[], environment: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('KAFKA_')));
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { env: { ...inherited, ...environment }, timeout: 60_000 }, (error, stdout, stderr) => {
      const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ exitCode, stdout, stderr, elapsedMs: performance.now() - started });
    });
  });
}

describeWithKafka('the CLI and KafkaJS groups on a secured broker (SASL_SSL, mutual TLS)', (kafka) => {
  const topicAndGroup = testTopics(kafka, 'secured-it');
  let secured: SecuredListeners;
  let secrets: string;
  let passwords: string[];

  beforeAll(async () => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run "npm run build" first (npm test does)`);
    secured = kafka.secured();
    passwords = [secured.users.plain, secured.users['scram-sha-256'], secured.users['scram-sha-512']].map(({ password }) => password);
    secrets = await mkdtemp(join(tmpdir(), 'secured-it-'));
    await writeFile(join(secrets, 'plain-password'), `${secured.users.plain.password}\n`);
  });
  afterAll(() => rm(secrets, { recursive: true, force: true }));

  /** The settings of a KafkaJS client on the SASL_SSL listener as `mechanism`'s user. */
  async function saslSsl(mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'): Promise<KafkaConnection> {
    const ca = await readFile(secured.certificates.caFile, 'utf8');
    return { brokers: secured.saslSsl.split(','), ssl: { ca: [ca] }, sasl: { mechanism, ...secured.users[mechanism] } };
  }

  function scram512Environment(): Record<string, string> {
    const { username, password } = secured.users['scram-sha-512'];
    return { KAFKA_BROKERS: secured.saslSsl, KAFKA_SSL_CA: secured.certificates.caFile, KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password };
  }

  function expectNoSecret(run: { stdout: string; stderr: string }): void {
    for (const password of passwords) {
      expect(run.stdout).not.toContain(password);
      expect(run.stderr).not.toContain(password);
    }
  }

  test('a sticky group of two KafkaJS members over SASL_SSL (SCRAM-SHA-256) consumes everything; describe shows it over SCRAM-SHA-512, PLAIN and mutual TLS', async () => {
    const { topic, groupId, stopsWithTheTest } = await topicAndGroup('secured-sticky', PARTITIONS);
    const security = await saslSsl('scram-sha-256');
    const ledger = new GroupLedger();
    for (const clientId of ['secured-a', 'secured-b']) {
      const member = await startKafkaJSMember({ brokers: security.brokers, security, groupId, topic, clientId, assignor: stickyAssignor(), ledger });
      stopsWithTheTest(() => member.stop());
    }
    await ledger.changes.until(
      () => ledger.latestGeneration()?.members.length === 2 && ledger.latestGeneration()?.members.every(({ partitions }) => partitions.length === PARTITIONS / 2) === true,
      () => `two members holding ${PARTITIONS / 2} partitions each; ${ledger.describe()}`,
    );
    const producer = new Kafka({ clientId: 'secured-producer', ...security, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    const keys = Array.from({ length: 60 }, (_, index) => `secured-${index}`);
    await producer.send({ topic, messages: keys.map((key) => ({ key, value: key })) });
    await producer.disconnect();
    await ledger.changes.until(() => ledger.distinctMessages === keys.length, () => `all ${keys.length} messages consumed; ${ledger.describe()}`);

    const members = (run: CliRun) => {
      expect(run).toMatchObject({ exitCode: 0, stderr: '' });
      const group = JSON.parse(run.stdout) as GroupDescription;
      return { protocol: group.protocol, clients: group.members.map(({ clientId }) => clientId).sort() };
    };
    const expected = { protocol: 'sticky', clients: ['secured-a', 'secured-b'] };
    const scram512 = await runBuiltCli(['describe', '--group', groupId, '--json'], scram512Environment());
    expect(members(scram512)).toEqual(expected);
    const plain = await runBuiltCli(['describe', '--brokers', secured.saslSsl, '--ssl-ca', secured.certificates.caFile, '--sasl-mechanism', 'PLAIN',
      '--sasl-username', secured.users.plain.username, '--sasl-password-file', join(secrets, 'plain-password'), '--group', groupId, '--json']);
    expect(members(plain)).toEqual(expected);
    const mutualTls = await runBuiltCli(['describe', '--brokers', secured.mutualTls, '--group', groupId, '--json'], {
      KAFKA_SSL_CA: secured.certificates.caFile,
      KAFKA_SSL_CERT: secured.certificates.clientCertFile,
      KAFKA_SSL_KEY: secured.certificates.clientKeyFile,
    });
    expect(members(mutualTls)).toEqual(expected);
    for (const run of [scram512, plain, mutualTls]) expectNoSecret(run);
  });

  test('each bad connection setting gets one line naming what failed, exit status 1 (cluster) or 2 (usage), within seconds', async () => {
    const { groupId } = await topicAndGroup('secured-refusals', 1);
    const { username } = secured.users['scram-sha-512'];
    const ca = secured.certificates.caFile;
    const cases: [string[], Record<string, string>, number, RegExp][] = [
      [[], { ...scram512Environment(), KAFKA_SASL_PASSWORD: 'not-the-password' }, 1,
        new RegExp(`^kafka-assignors: authentication failed: 127\\.0\\.0\\.1:\\d+ refused user "${username}" with SCRAM-SHA-512 \\(.*invalid credentials.*\\)\\n$`)],
      [['--brokers', secured.saslSsl, '--ssl', '--sasl-mechanism', 'plain', '--sasl-username', secured.users.plain.username], { KAFKA_SASL_PASSWORD: secured.users.plain.password }, 1,
        /^kafka-assignors: TLS verification of 127\.0\.0\.1:\d+ failed: self-signed certificate in certificate chain \(SELF_SIGNED_CERT_IN_CHAIN\); give the CA that signed the cluster's certificate with --ssl-ca FILE or KAFKA_SSL_CA\n$/],
      [['--brokers', secured.saslSsl], {}, 1, /^kafka-assignors: 127\.0\.0\.1:\d+ closed the connection without answering \(we spoke PLAINTEXT\): a TLS listener wants --ssl\n$/],
      [['--brokers', secured.saslSsl, '--ssl-ca', ca], {}, 1, /^kafka-assignors: 127\.0\.0\.1:\d+ closed the connection without answering \(we spoke SSL\): a SASL_SSL listener wants --sasl-mechanism, --sasl-username and a password\n$/],
      [['--brokers', kafka.bootstrap, '--ssl-ca', ca], {}, 1, /^kafka-assignors: TLS handshake with 127\.0\.0\.1:\d+ failed: it closed the connection before TLS was established \(ECONNRESET\); a plaintext listener takes no --ssl\n$/],
      [['--brokers', secured.mutualTls, '--ssl-ca', ca], {}, 1, /^kafka-assignors: TLS: 127\.0\.0\.1:\d+ requires a client certificate \(ERR_SSL_\w+\); give one with --ssl-cert FILE and --ssl-key FILE/],
      [[], { ...scram512Environment(), KAFKA_SASL_MECHANISM: 'gssapi' }, 2, /^kafka-assignors: KAFKA_SASL_MECHANISM: "gssapi" is not a SASL mechanism the tools speak; use plain, scram-sha-256, scram-sha-512\n$/],
      [['--sasl-password', 'typed-in-the-open'], scram512Environment(), 2, /^kafka-assignors: --sasl-password is not taken on the command line/],
    ];
    const elapsed: number[] = [];
    for (const [args, environment, exitCode, line] of cases) {
      const run = await runBuiltCli(['describe', ...args, '--group', groupId], environment);
      elapsed.push(Math.round(run.elapsedMs));
      expect({ args, exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr }).toEqual({ args, exitCode, stdout: '', stderr: expect.stringMatching(line) as unknown });
      expect(run.elapsedMs).toBeLessThan(REFUSAL_WITHIN_MS);
      expect(run.stderr).not.toContain('typed-in-the-open');
      expectNoSecret(run);
    }
    console.info(`refusals took ${elapsed.join(', ')} ms (a process start included)`);
  });

  test('the sidecar joins over SASL_SSL (PLAIN, which sends the password itself) and says so, becomes active, and shows no password even in KafkaJS debug logs', async () => {
    const { topic, groupId } = await topicAndGroup('secured-sidecar', 2);
    const child = spawn(process.execPath, [cli, 'sidecar', '--group', groupId, '--topic', topic, '--name', 'secured-pod', '--port', '0'], {
      env: {
        ...process.env,
        KAFKA_BROKERS: secured.saslSsl,
        KAFKA_SSL_CA: secured.certificates.caFile,
        KAFKA_SASL_MECHANISM: 'plain',
        KAFKA_SASL_USERNAME: secured.users.plain.username,
        KAFKA_SASL_PASSWORD_FILE: join(secrets, 'plain-password'),
        KAFKAJS_LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const sidecar = followEventStream(child, 'the secured sidecar', (line) => JSON.parse(line) as Record<string, unknown>, 15_000);
    try {
      const serving = await sidecar.waitFor((event) => event['event'] === 'serving');
      expect(serving).toMatchObject({ security: 'SASL_SSL', brokers: secured.saslSsl.split(',') });
      await sidecar.waitFor((event) => event['event'] === 'roleChange' && event['role'] === 'active');
      // Debug logs were on: KafkaJS said how it authenticated.
      expect(sidecar.events.some((event) => event['event'] === 'log' && event['level'] === 'debug' && /SASL PLAIN authentication successful/.test(String(event['message'])))).toBe(true);
    } finally {
      await sidecar.stop();
    }
    expect(sidecar.events.at(-1)).toMatchObject({ event: 'left' });
    expectNoSecret({ stdout: output, stderr: '' });
  });

  test('describe --watch follows a group over SASL_SSL until interrupted', async () => {
    const { topic, groupId, stopsWithTheTest } = await topicAndGroup('secured-watch', 2);
    const security = await saslSsl('scram-sha-512');
    const member = await startKafkaJSMember({ brokers: security.brokers, security, groupId, topic, clientId: 'watched', assignor: activeStandbyAssignor({ name: 'watched' }), ledger: new GroupLedger() });
    stopsWithTheTest(() => member.stop());
    const child = spawn(process.execPath, [cli, 'describe', '--watch', '--interval', '200', '--json', '--group', groupId], {
      env: { ...process.env, ...scram512Environment() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const watch = followEventStream(child, 'describe --watch', (line) => JSON.parse(line) as Record<string, unknown>, 15_000);
    await watch.waitFor((line) => line['state'] === 'Stable' && line['active'] !== null);
    expect(await watch.stop()).toMatchObject({ code: 0 });
  });
});
