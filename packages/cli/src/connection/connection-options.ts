import { X509Certificate } from 'node:crypto';
import { createSecureContext, type ConnectionOptions } from 'node:tls';
import { parseCommandLine, type OptionsConfig } from '../parse-command-line.js';
import { UsageError } from '../usage-error.js';
import { parseBrokerList } from './broker-list.js';
import { ConnectionSettingsError } from './connection-settings-error.js';
import { SASL_MECHANISMS, type KafkaConnection, type SaslMechanism } from './kafka-connection.js';

/** The connection flags every command that talks to a cluster takes, for node:util's parseArgs. */
export const CONNECTION_OPTIONS = {
  brokers: { type: 'string', short: 'b' },
  ssl: { type: 'boolean' },
  'ssl-ca': { type: 'string' },
  'ssl-cert': { type: 'string' },
  'ssl-key': { type: 'string' },
  'ssl-key-password-file': { type: 'string' },
  'sasl-mechanism': { type: 'string' },
  'sasl-username': { type: 'string' },
  'sasl-password-file': { type: 'string' },
} as const;

/** What parseArgs makes of CONNECTION_OPTIONS. */
export interface ConnectionFlags {
  readonly brokers?: string | undefined;
  readonly ssl?: boolean | undefined;
  readonly 'ssl-ca'?: string | undefined;
  readonly 'ssl-cert'?: string | undefined;
  readonly 'ssl-key'?: string | undefined;
  readonly 'ssl-key-password-file'?: string | undefined;
  readonly 'sasl-mechanism'?: string | undefined;
  readonly 'sasl-username'?: string | undefined;
  readonly 'sasl-password-file'?: string | undefined;
}

export type Environment = Readonly<Record<string, string | undefined>>;

const PASSWORD_FLAGS = /^--(sasl-password|ssl-key-password)(=|$)/;

/**
 * A command line with the connection flags and `options`. A password given as a flag is refused without being
 * repeated: it would stay in the shell's history and show in every process listing.
 */
export function parseConnectionCommandLine<const T extends OptionsConfig>(
  args: readonly string[],
  options: T,
): ReturnType<typeof parseCommandLine<typeof CONNECTION_OPTIONS & T>> {
  for (const arg of args) {
    if (arg === '--') break;
    const flag = PASSWORD_FLAGS.exec(arg)?.[1];
    if (flag !== undefined) {
      const variable = flag === 'sasl-password' ? 'KAFKA_SASL_PASSWORD' : 'KAFKA_SSL_KEY_PASSWORD';
      throw new UsageError(`--${flag} is not taken on the command line, where every process listing shows it; set ${variable} or use --${flag}-file FILE`);
    }
  }
  return parseCommandLine(args, { ...CONNECTION_OPTIONS, ...options });
}

/** One setting and where it came from, the flag or the environment variable, to name in errors. */
interface Setting {
  readonly value: string;
  readonly source: string;
}

type ReadTextFile = (path: string) => Promise<string>;

/**
 * How to connect, from the connection flags and, for each one not given, its environment variable (`KAFKA_BROKERS`,
 * `KAFKA_SSL`, `KAFKA_SSL_CA`, ...). Certificates and keys are read and parsed here, so that a bad file is a
 * ConnectionSettingsError naming its flag or variable before any connection; `command` names who needs brokers.
 */
export async function kafkaConnection(flags: ConnectionFlags, environment: Environment, readFile: ReadTextFile, command: string): Promise<KafkaConnection> {
  const setting = (flag: keyof ConnectionFlags, variable: string): Setting | undefined => {
    const value = flags[flag];
    if (typeof value === 'string') return { value, source: `--${flag}` };
    const fromEnvironment = environment[variable];
    return fromEnvironment === undefined || fromEnvironment === '' ? undefined : { value: fromEnvironment, source: variable };
  };
  const brokers = setting('brokers', 'KAFKA_BROKERS');
  if (brokers === undefined) throw new UsageError(`${command} needs --brokers HOST:PORT (or KAFKA_BROKERS); try --help`);

  const ca = await pemSetting(setting('ssl-ca', 'KAFKA_SSL_CA'), readFile);
  const cert = await pemSetting(setting('ssl-cert', 'KAFKA_SSL_CERT'), readFile);
  const key = await pemSetting(setting('ssl-key', 'KAFKA_SSL_KEY'), readFile);
  const keyPassword = await secretSetting(flags['ssl-key-password-file'], '--ssl-key-password-file', environment, 'KAFKA_SSL_KEY_PASSWORD', readFile);
  const sslRequested = flags.ssl === true || booleanSetting(environment, 'KAFKA_SSL');
  const ssl = sslOptions({ ca, cert, key, keyPassword });

  const mechanism = setting('sasl-mechanism', 'KAFKA_SASL_MECHANISM');
  const username = setting('sasl-username', 'KAFKA_SASL_USERNAME');
  const password = await secretSetting(flags['sasl-password-file'], '--sasl-password-file', environment, 'KAFKA_SASL_PASSWORD', readFile);
  const sasl = saslOptions(mechanism, username, password);

  return {
    brokers: parseBrokerList(brokers.value, brokers.source),
    ...(ssl === undefined ? (sslRequested ? { ssl: true as const } : {}) : { ssl }),
    ...(sasl === undefined ? {} : { sasl }),
  };
}

function booleanSetting(environment: Environment, variable: string): boolean {
  const value = environment[variable]?.trim().toLowerCase();
  if (value === undefined || value === '' || value === 'false' || value === '0' || value === 'no') return false;
  if (value === 'true' || value === '1' || value === 'yes') return true;
  throw new ConnectionSettingsError(variable, `expected true or false, got "${environment[variable] ?? ''}"`);
}

interface Pem {
  readonly text: string;
  readonly source: string;
}

/** A PEM setting: the PEM text itself (as a Kubernetes secret may put it in a variable) or the path of a file with it. */
async function pemSetting(setting: Setting | undefined, readFile: ReadTextFile): Promise<Pem | undefined> {
  if (setting === undefined) return undefined;
  if (setting.value.trimStart().startsWith('-----BEGIN ')) return { text: setting.value, source: setting.source };
  return { text: await readSettingFile(setting.source, setting.value, readFile), source: setting.source };
}

interface Secret {
  readonly text: string;
  readonly source: string;
}

/** A password: from the file a flag names, else from the variable, else from the file `VARIABLE_FILE` names. */
async function secretSetting(file: string | undefined, flag: string, environment: Environment, variable: string, readFile: ReadTextFile): Promise<Secret | undefined> {
  const fileVariable = `${variable}_FILE`;
  const [path, pathSource] = file !== undefined ? [file, flag] : [environment[fileVariable], fileVariable];
  if (file === undefined && environment[variable] !== undefined && environment[variable] !== '') {
    if (path !== undefined && path !== '') throw new ConnectionSettingsError(variable, `set ${variable} or ${fileVariable}, not both`);
    return { text: environment[variable], source: variable };
  }
  if (path === undefined || path === '') return undefined;
  // One line break at the end is the file's, not the password's (echo and most editors add one).
  return { text: (await readSettingFile(pathSource, path, readFile)).replace(/\r?\n$/, ''), source: pathSource };
}

async function readSettingFile(source: string, path: string, readFile: ReadTextFile): Promise<string> {
  try {
    return await readFile(path);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new ConnectionSettingsError(source, `cannot read "${path}" (${code ?? message})`);
  }
}

function sslOptions({ ca, cert, key, keyPassword }: { ca?: Pem | undefined; cert?: Pem | undefined; key?: Pem | undefined; keyPassword?: Secret | undefined }): ConnectionOptions | undefined {
  if (cert !== undefined && key === undefined) throw new ConnectionSettingsError(cert.source, 'a client certificate needs its key too (--ssl-key or KAFKA_SSL_KEY)');
  if (key !== undefined && cert === undefined) throw new ConnectionSettingsError(key.source, 'a client key needs its certificate too (--ssl-cert or KAFKA_SSL_CERT)');
  if (keyPassword !== undefined && key === undefined) throw new ConnectionSettingsError(keyPassword.source, 'a key password needs a key (--ssl-key or KAFKA_SSL_KEY)');
  if (ca === undefined && cert === undefined) return undefined;
  if (ca !== undefined) checkCertificates(ca);
  if (cert !== undefined && key !== undefined) checkKeyPair(cert, key, keyPassword);
  return {
    ...(ca === undefined ? {} : { ca: [ca.text] }),
    ...(cert === undefined || key === undefined ? {} : { cert: cert.text, key: key.text }),
    ...(keyPassword === undefined ? {} : { passphrase: keyPassword.text }),
  };
}

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g;

/** Node takes a CA file with no certificate in it without a word, and then trusts nothing: refuse it here. */
function checkCertificates({ text, source }: Pem): void {
  const blocks = text.match(CERTIFICATE_BLOCK) ?? [];
  if (blocks.length === 0) throw new ConnectionSettingsError(source, 'no PEM certificate in it (expected -----BEGIN CERTIFICATE-----)');
  blocks.forEach((block, index) => {
    try {
      new X509Certificate(block);
    } catch (error) {
      throw new ConnectionSettingsError(source, `certificate ${index + 1} cannot be read (${(error as Error).message})`);
    }
  });
}

function checkKeyPair(cert: Pem, key: Pem, password: Secret | undefined): void {
  checkCertificates(cert);
  try {
    createSecureContext({ cert: cert.text, key: key.text, ...(password === undefined ? {} : { passphrase: password.text }) });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const problem =
      code === 'ERR_OSSL_X509_KEY_VALUES_MISMATCH' ? `the key does not belong to the certificate in ${cert.source}`
      : /bad decrypt|bad password|interrupted or cancelled/i.test(message) ? 'the key is encrypted and the key password (KAFKA_SSL_KEY_PASSWORD or --ssl-key-password-file) does not open it'
      : `not a PEM private key that OpenSSL can read (${code ?? message})`;
    throw new ConnectionSettingsError(key.source, problem);
  }
}

function saslOptions(mechanism: Setting | undefined, username: Setting | undefined, password: Secret | undefined): KafkaConnection['sasl'] {
  if (mechanism === undefined) {
    const stray = username?.source ?? password?.source;
    if (stray !== undefined) throw new ConnectionSettingsError(stray, 'SASL credentials need a mechanism (--sasl-mechanism or KAFKA_SASL_MECHANISM)');
    return undefined;
  }
  const name = mechanism.value.trim().toLowerCase();
  if (!(SASL_MECHANISMS as readonly string[]).includes(name)) {
    throw new ConnectionSettingsError(mechanism.source, `"${mechanism.value}" is not a SASL mechanism the tools speak; use ${SASL_MECHANISMS.join(', ')}`);
  }
  if (username === undefined || username.value === '') throw new ConnectionSettingsError(mechanism.source, 'SASL needs a user name (--sasl-username or KAFKA_SASL_USERNAME)');
  if (password === undefined) throw new ConnectionSettingsError(mechanism.source, 'SASL needs a password (KAFKA_SASL_PASSWORD, KAFKA_SASL_PASSWORD_FILE or --sasl-password-file)');
  return { mechanism: name as SaslMechanism, username: username.value, password: password.text };
}
