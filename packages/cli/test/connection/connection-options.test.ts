import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConnectionSettingsError } from '../../src/connection/connection-settings-error.js';
import { kafkaConnection, parseConnectionCommandLine, type Environment } from '../../src/connection/connection-options.js';
import { securityProtocol } from '../../src/connection/kafka-connection.js';
import { UsageError } from '../../src/usage-error.js';

// Test-only PEM files made once with openssl (EC P-256, valid for a century): a CA, a client certificate it signed
// with the client's key, that key encrypted with "key-passphrase-123", and another key that belongs to nothing.
const tls = (name: string): string => fileURLToPath(new URL(`../fixtures/tls/${name}`, import.meta.url));
const PASSWORD = 'pa55-w0rd-that-must-never-show';
const files: Record<string, string> = { '/secrets/password': `${PASSWORD}\n`, '/secrets/key-password': 'key-passphrase-123' };
const readSetting = async (path: string): Promise<string> => files[path] ?? readFile(path, 'utf8');

async function connect(args: readonly string[], environment: Environment = {}) {
  const { values } = parseConnectionCommandLine(args, {});
  return kafkaConnection(values, environment, readSetting, 'describe');
}

async function refusal(args: readonly string[], environment: Environment = {}): Promise<Error> {
  const error = await connect(args, environment).then(
    () => new Error('expected a refusal'),
    (refused: unknown) => refused as Error,
  );
  expect(error.message).not.toContain(PASSWORD);
  expect(error.message).not.toContain('key-passphrase-123');
  return error;
}

describe('kafkaConnection', () => {
  it('is plaintext with only brokers, from the flag or else KAFKA_BROKERS', async () => {
    expect(await connect(['--brokers', 'a:9092,b:9093'])).toEqual({ brokers: ['a:9092', 'b:9093'] });
    expect(await connect([], { KAFKA_BROKERS: 'c:9092' })).toEqual({ brokers: ['c:9092'] });
    expect(await connect(['-b', 'a:9092'], { KAFKA_BROKERS: 'c:9092' })).toEqual({ brokers: ['a:9092'] });
    expect(securityProtocol(await connect(['-b', 'a:9092']))).toBe('PLAINTEXT');
  });

  it('turns TLS on with --ssl or KAFKA_SSL, trusting the system CAs', async () => {
    expect(await connect(['-b', 'a:9093', '--ssl'])).toEqual({ brokers: ['a:9093'], ssl: true });
    for (const value of ['true', '1', 'yes', 'TRUE']) expect((await connect(['-b', 'a:9093'], { KAFKA_SSL: value })).ssl).toBe(true);
    for (const value of ['false', '0', 'no', '']) expect((await connect(['-b', 'a:9093'], { KAFKA_SSL: value })).ssl).toBeUndefined();
  });

  it('trusts the CA of --ssl-ca or KAFKA_SSL_CA, a file or the PEM itself, which implies TLS', async () => {
    const ca = await readFile(tls('ca.pem'), 'utf8');
    expect(await connect(['-b', 'a:9093', '--ssl-ca', tls('ca.pem')])).toEqual({ brokers: ['a:9093'], ssl: { ca: [ca] } });
    expect((await connect(['-b', 'a:9093'], { KAFKA_SSL_CA: ca })).ssl).toEqual({ ca: [ca] });
    expect(securityProtocol(await connect(['-b', 'a:9093'], { KAFKA_SSL_CA: tls('ca.pem') }))).toBe('SSL');
  });

  it('presents a client certificate and its key, decrypting the key with its password', async () => {
    const cert = await readFile(tls('client.pem'), 'utf8');
    const plainKey = await readFile(tls('client-key.pem'), 'utf8');
    expect((await connect(['-b', 'a:9093', '--ssl-cert', tls('client.pem'), '--ssl-key', tls('client-key.pem')])).ssl).toEqual({ cert, key: plainKey });
    const encrypted = await connect(['-b', 'a:9093', '--ssl-cert', tls('client.pem'), '--ssl-key', tls('client-key-encrypted.pem'), '--ssl-key-password-file', '/secrets/key-password']);
    expect(encrypted.ssl).toMatchObject({ cert, passphrase: 'key-passphrase-123' });
    const fromEnvironment = await connect([], { KAFKA_BROKERS: 'a:9093', KAFKA_SSL_CERT: tls('client.pem'), KAFKA_SSL_KEY: tls('client-key-encrypted.pem'), KAFKA_SSL_KEY_PASSWORD: 'key-passphrase-123' });
    expect(fromEnvironment.ssl).toMatchObject({ passphrase: 'key-passphrase-123' });
  });

  it('speaks SASL with a password from the environment or a file, one line break trimmed', async () => {
    expect(await connect(['-b', 'a:9094', '--ssl', '--sasl-mechanism', 'SCRAM-SHA-512', '--sasl-username', 'alice'], { KAFKA_SASL_PASSWORD: PASSWORD })).toEqual({
      brokers: ['a:9094'],
      ssl: true,
      sasl: { mechanism: 'scram-sha-512', username: 'alice', password: PASSWORD },
    });
    const fromFile = await connect(['-b', 'a:9094', '--sasl-mechanism', 'plain', '--sasl-username', 'alice', '--sasl-password-file', '/secrets/password']);
    expect(fromFile.sasl).toEqual({ mechanism: 'plain', username: 'alice', password: PASSWORD });
    expect(securityProtocol(fromFile)).toBe('SASL_PLAINTEXT');
    const fromVariables = await connect([], {
      KAFKA_BROKERS: 'a:9094',
      KAFKA_SSL: 'true',
      KAFKA_SASL_MECHANISM: 'scram-sha-256',
      KAFKA_SASL_USERNAME: 'bob',
      KAFKA_SASL_PASSWORD_FILE: '/secrets/password',
    });
    expect(fromVariables.sasl).toEqual({ mechanism: 'scram-sha-256', username: 'bob', password: PASSWORD });
    expect(securityProtocol(fromVariables)).toBe('SASL_SSL');
  });

  it.each([
    [[], {}, UsageError, 'describe needs --brokers HOST:PORT (or KAFKA_BROKERS); try --help'],
    [[], { KAFKA_BROKERS: 'kafka' }, ConnectionSettingsError, 'KAFKA_BROKERS: "kafka" is not HOST:PORT'],
    [['-b', 'a:1'], { KAFKA_SSL: 'maybe' }, ConnectionSettingsError, 'KAFKA_SSL: expected true or false, got "maybe"'],
    [['-b', 'a:1', '--ssl-ca', '/nowhere/ca.pem'], {}, ConnectionSettingsError, '--ssl-ca: cannot read "/nowhere/ca.pem" (ENOENT)'],
    [['-b', 'a:1'], { KAFKA_SSL_CA: tls('client-key.pem') }, ConnectionSettingsError, 'KAFKA_SSL_CA: no PEM certificate in it (expected -----BEGIN CERTIFICATE-----)'],
    [['-b', 'a:1', '--ssl-cert', tls('client.pem')], {}, ConnectionSettingsError, '--ssl-cert: a client certificate needs its key too (--ssl-key or KAFKA_SSL_KEY)'],
    [['-b', 'a:1'], { KAFKA_SSL_KEY: tls('client-key.pem') }, ConnectionSettingsError, 'KAFKA_SSL_KEY: a client key needs its certificate too (--ssl-cert or KAFKA_SSL_CERT)'],
    [['-b', 'a:1', '--ssl-cert', tls('client.pem'), '--ssl-key', tls('other-key.pem')], {}, ConnectionSettingsError, '--ssl-key: the key does not belong to the certificate in --ssl-cert'],
    [['-b', 'a:1', '--ssl-cert', tls('client.pem'), '--ssl-key', tls('ca.pem')], {}, ConnectionSettingsError, /^--ssl-key: not a PEM private key that OpenSSL can read \(ERR_OSSL_/],
    [['-b', 'a:1', '--ssl-cert', tls('client.pem'), '--ssl-key', tls('client-key-encrypted.pem')], { KAFKA_SSL_KEY_PASSWORD: 'wrong' }, ConnectionSettingsError, '--ssl-key: the key is encrypted and the key password (KAFKA_SSL_KEY_PASSWORD or --ssl-key-password-file) does not open it'],
    [['-b', 'a:1', '--ssl-key-password-file', '/secrets/key-password'], {}, ConnectionSettingsError, '--ssl-key-password-file: a key password needs a key (--ssl-key or KAFKA_SSL_KEY)'],
    [['-b', 'a:1', '--sasl-mechanism', 'gssapi'], {}, ConnectionSettingsError, '--sasl-mechanism: "gssapi" is not a SASL mechanism the tools speak; use plain, scram-sha-256, scram-sha-512'],
    [['-b', 'a:1'], { KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_PASSWORD: PASSWORD }, ConnectionSettingsError, 'KAFKA_SASL_MECHANISM: SASL needs a user name (--sasl-username or KAFKA_SASL_USERNAME)'],
    [['-b', 'a:1', '--sasl-mechanism', 'plain', '--sasl-username', 'alice'], {}, ConnectionSettingsError, '--sasl-mechanism: SASL needs a password (KAFKA_SASL_PASSWORD, KAFKA_SASL_PASSWORD_FILE or --sasl-password-file)'],
    [['-b', 'a:1', '--sasl-username', 'alice'], {}, ConnectionSettingsError, '--sasl-username: SASL credentials need a mechanism (--sasl-mechanism or KAFKA_SASL_MECHANISM)'],
    [['-b', 'a:1'], { KAFKA_SASL_PASSWORD: PASSWORD }, ConnectionSettingsError, 'KAFKA_SASL_PASSWORD: SASL credentials need a mechanism (--sasl-mechanism or KAFKA_SASL_MECHANISM)'],
    [['-b', 'a:1'], { KAFKA_SASL_PASSWORD: PASSWORD, KAFKA_SASL_PASSWORD_FILE: '/secrets/password' }, ConnectionSettingsError, 'KAFKA_SASL_PASSWORD: set KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE, not both'],
    [['-b', 'a:1', '--sasl-password-file', '/nowhere'], {}, ConnectionSettingsError, '--sasl-password-file: cannot read "/nowhere" (ENOENT)'],
  ] as const)('refuses %j with %j: one line naming the flag or variable', async (args, environment, type, message) => {
    const error = await refusal(args, environment);
    expect(error).toBeInstanceOf(type);
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });
});

describe('parseConnectionCommandLine', () => {
  it.each([
    [['--sasl-password', PASSWORD], '--sasl-password is not taken on the command line, where every process listing shows it; set KAFKA_SASL_PASSWORD or use --sasl-password-file FILE'],
    [[`--sasl-password=${PASSWORD}`], '--sasl-password is not taken on the command line, where every process listing shows it; set KAFKA_SASL_PASSWORD or use --sasl-password-file FILE'],
    [[`--ssl-key-password=${PASSWORD}`], '--ssl-key-password is not taken on the command line, where every process listing shows it; set KAFKA_SSL_KEY_PASSWORD or use --ssl-key-password-file FILE'],
  ])('refuses a password flag without repeating the password: %j', (args, message) => {
    expect(() => parseConnectionCommandLine(['-b', 'a:1', ...args], {})).toThrow(new UsageError(message));
  });

  it('takes the command\'s own options with the connection flags', () => {
    const { values } = parseConnectionCommandLine(['--group', 'g', '--brokers', 'a:1', '--ssl'], { group: { type: 'string' } });
    expect(values).toEqual({ group: 'g', brokers: 'a:1', ssl: true });
  });
});
