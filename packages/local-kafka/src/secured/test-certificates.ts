import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { requireTools } from '../require-tools.js';

const run = promisify(execFile);

/** PEM files made for one secured broker run: a CA of its own, the broker's certificate and a client's, all signed by it. */
export interface TestCertificates {
  /** The CA's certificate: what a client (`--ssl-ca`) and the broker's truststore trust. */
  readonly caFile: string;
  /** The broker's key (PKCS#8, unencrypted) followed by its certificate and the CA's: a PEM keystore. */
  readonly brokerKeystoreFile: string;
  /** A client certificate (CN=kafka-assignors-client) for mutual TLS, and its key (PKCS#8, unencrypted). */
  readonly clientCertFile: string;
  readonly clientKeyFile: string;
}

/** Valid for two days: enough for any run, and a copy that leaks is soon worthless. */
const VALID_DAYS = '2';
const KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/**
 * Makes a CA and two certificates it signs with openssl into `dir`: the broker's, for 127.0.0.1 and localhost
 * (clients check the host they dialled against it), and a client's. EC P-256 keys, which take milliseconds.
 */
export async function makeTestCertificates(dir: string): Promise<TestCertificates> {
  requireTools(['openssl'], undefined, 'The secured local broker makes its certificates with openssl (Debian/Ubuntu: apt-get install openssl).');
  const file = (name: string): string => join(dir, name);
  await openssl('req', '-x509', ...KEY, '-keyout', file('ca-key.pem'), '-out', file('ca.pem'), '-days', VALID_DAYS, '-subj', '/CN=kafka-assignors test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  await signed(dir, 'broker', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  await signed(dir, 'client', '/CN=kafka-assignors-client', 'extendedKeyUsage=clientAuth\n');
  const keystore = (await Promise.all(['broker-key.pem', 'broker.pem', 'ca.pem'].map((name) => readFile(file(name), 'utf8')))).join('');
  await writeFile(file('broker-keystore.pem'), keystore);
  return { caFile: file('ca.pem'), brokerKeystoreFile: file('broker-keystore.pem'), clientCertFile: file('client.pem'), clientKeyFile: file('client-key.pem') };
}

async function signed(dir: string, name: string, subject: string, extensions: string): Promise<void> {
  const file = (suffix: string): string => join(dir, `${name}${suffix}`);
  await writeFile(file('.ext'), extensions);
  await openssl('req', ...KEY, '-keyout', file('-key.pem'), '-out', file('.csr'), '-subj', subject);
  await openssl('x509', '-req', '-in', file('.csr'), '-CA', join(dir, 'ca.pem'), '-CAkey', join(dir, 'ca-key.pem'), '-CAcreateserial',
    '-days', VALID_DAYS, '-extfile', file('.ext'), '-out', file('.pem'));
}

async function openssl(...args: string[]): Promise<void> {
  try {
    await run('openssl', args);
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`openssl ${args[0] ?? ''} failed: ${stderr?.trim() || (error as Error).message}`, { cause: error });
  }
}
