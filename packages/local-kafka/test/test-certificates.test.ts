import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeTestCertificates, type TestCertificates } from '../src/secured/test-certificates.js';

describe('makeTestCertificates', () => {
  let dir: string;
  let made: TestCertificates;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'local-kafka-certificates-'));
    made = await makeTestCertificates(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const certificate = async (file: string) => new X509Certificate(await readFile(file, 'utf8'));

  test('makes a CA that signed a broker certificate for 127.0.0.1 and localhost, and a client certificate', async () => {
    const ca = await certificate(made.caFile);
    const keystore = await readFile(made.brokerKeystoreFile, 'utf8');
    const broker = new X509Certificate(keystore.slice(keystore.indexOf('-----BEGIN CERTIFICATE-----')));
    const client = await certificate(made.clientCertFile);
    expect(ca.ca).toBe(true);
    expect(broker.checkIssued(ca) && broker.verify(ca.publicKey)).toBe(true);
    expect(client.checkIssued(ca) && client.verify(ca.publicKey)).toBe(true);
    expect(broker.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(broker.checkHost('localhost')).toBe('localhost');
    expect(client.subject).toBe('CN=kafka-assignors-client');
  });

  test('writes the keystore as the key, then the broker certificate, then the CA, and the client key matching its certificate', async () => {
    const keystore = await readFile(made.brokerKeystoreFile, 'utf8');
    expect(keystore.match(/-----BEGIN [A-Z ]+-----/g)).toEqual(['-----BEGIN PRIVATE KEY-----', '-----BEGIN CERTIFICATE-----', '-----BEGIN CERTIFICATE-----']);
    const [cert, key] = await Promise.all([readFile(made.clientCertFile, 'utf8'), readFile(made.clientKeyFile, 'utf8')]);
    expect(() => createSecureContext({ cert, key })).not.toThrow();
  });
});
