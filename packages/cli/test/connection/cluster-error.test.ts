import * as kafkajs from 'kafkajs';
import { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded, KafkaJSRequestTimeoutError } from 'kafkajs';
import { createErrorFromCode } from 'kafkajs/src/protocol/error.js';
import { describe, expect, it } from 'vitest';
import { clusterErrorFrom } from '../../src/connection/cluster-error.js';

// Exported by KafkaJS, but missing from (or mistyped in) its declarations.
const { KafkaJSConnectionClosedError, KafkaJSSASLAuthenticationError } = kafkajs as unknown as {
  KafkaJSConnectionClosedError: new (message: string, address: { host: string; port: number }) => Error;
  KafkaJSSASLAuthenticationError: new (message: string) => Error;
};
const plaintext = { brokers: ['10.0.0.1:9092', '10.0.0.2:9092'] };

describe('clusterErrorFrom', () => {
  it('names the broker that could not be reached, and why, from under the retrier', () => {
    const refused = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 10.0.0.2:9092', { broker: '10.0.0.2:9092', code: 'ECONNREFUSED' });

    expect(clusterErrorFrom(new KafkaJSNumberOfRetriesExceeded(refused, { retryCount: 1, retryTime: 100 }), plaintext, 'describing group "orders"').message).toBe(
      'cannot reach 10.0.0.2:9092 (ECONNREFUSED)',
    );
    expect(clusterErrorFrom(new KafkaJSConnectionError('Connection timeout', { broker: '10.0.0.1:9092' }), plaintext, 'describing group "orders"').message).toBe(
      'cannot reach 10.0.0.1:9092 (Connection timeout)',
    );
  });

  it('names the Kafka error a broker answered with', () => {
    const GROUP_AUTHORIZATION_FAILED = 30;

    expect(clusterErrorFrom(createErrorFromCode(GROUP_AUTHORIZATION_FAILED), plaintext, 'describing group "orders"').message).toBe(
      'describing group "orders" on 10.0.0.1:9092,10.0.0.2:9092 failed: GROUP_AUTHORIZATION_FAILED (Not authorized to access group: Group authorization failed)',
    );
  });

  // The errors below have the shapes KafkaJS 2.2.4 threw against the secured local broker (test/integration has the real ones).
  const ca = ['-----BEGIN CERTIFICATE-----...'];
  const tls = { brokers: ['10.0.0.1:9093'], ssl: { ca } };
  const saslSsl = { brokers: ['10.0.0.1:9094'], ssl: { ca }, sasl: { mechanism: 'scram-sha-512' as const, username: 'alice', password: 'secret-password' } };
  const retried = (error: Error) => new KafkaJSNumberOfRetriesExceeded(error, { retryCount: 1, retryTime: 100 });

  it('says authentication failed, for which user and mechanism, never with the password', () => {
    const refused = new KafkaJSSASLAuthenticationError('SASL SCRAM SHA512 authentication failed: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512');
    const { message } = clusterErrorFrom(refused, saslSsl, 'describing group "orders"');
    expect(message).toBe('authentication failed: 10.0.0.1:9094 refused user "alice" with SCRAM-SHA-512 (Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512)');
    expect(message).not.toContain('secret-password');
  });

  it('says TLS verification failed for a certificate no trusted CA signed, and how to trust one', () => {
    const untrusted = new KafkaJSConnectionError('Connection error: self-signed certificate in certificate chain', { broker: '10.0.0.1:9093', code: 'SELF_SIGNED_CERT_IN_CHAIN' });
    expect(clusterErrorFrom(retried(untrusted), { brokers: tls.brokers, ssl: true }, 'describing group "orders"').message).toBe(
      "TLS verification of 10.0.0.1:9093 failed: self-signed certificate in certificate chain (SELF_SIGNED_CERT_IN_CHAIN); give the CA that signed the cluster's certificate with --ssl-ca FILE or KAFKA_SSL_CA",
    );
    const otherHost = new KafkaJSConnectionError("Connection error: Hostname/IP does not match certificate's altnames: IP: 10.0.0.1 is not in the cert's list: 127.0.0.1", { broker: '10.0.0.1:9093', code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(clusterErrorFrom(otherHost, tls, 'describing group "orders"').message).toBe(
      "TLS verification of 10.0.0.1:9093 failed: its certificate is not for that host (Hostname/IP does not match certificate's altnames: IP: 10.0.0.1 is not in the cert's list: 127.0.0.1); connect by a name the certificate lists",
    );
  });

  it('says a mutual-TLS listener wants a client certificate, or refused ours', () => {
    const alert = new KafkaJSConnectionError('Connection error: 801C6A08777F0000:error:0A000412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 42\n', { broker: '10.0.0.1:9093', code: 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE' });
    expect(clusterErrorFrom(retried(alert), tls, 'describing group "orders"').message).toBe(
      'TLS: 10.0.0.1:9093 requires a client certificate (ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE); give one with --ssl-cert FILE and --ssl-key FILE (or KAFKA_SSL_CERT and KAFKA_SSL_KEY)',
    );
    expect(clusterErrorFrom(alert, { brokers: tls.brokers, ssl: { ca, cert: 'PEM', key: 'PEM' } }, 'describing group "orders"').message).toBe(
      'TLS: 10.0.0.1:9093 refused our client certificate (ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE): it trusts no CA that signed it',
    );
  });

  it('says which protocol a listener did not take: TLS against plaintext, plaintext or no SASL against TLS and SASL', () => {
    const reset = new KafkaJSConnectionError('Connection error: Client network socket disconnected before secure TLS connection was established', { broker: '10.0.0.1:9092', code: 'ECONNRESET' });
    expect(clusterErrorFrom(retried(reset), tls, 'describing group "orders"').message).toBe(
      'TLS handshake with 10.0.0.1:9092 failed: it closed the connection before TLS was established (ECONNRESET); a plaintext listener takes no --ssl',
    );
    const closed = new KafkaJSConnectionClosedError('Closed connection', { host: '10.0.0.1', port: 9094 });
    expect(clusterErrorFrom(retried(closed), plaintext, 'describing group "orders"').message).toBe(
      '10.0.0.1:9094 closed the connection without answering (we spoke PLAINTEXT): a TLS listener wants --ssl',
    );
    expect(clusterErrorFrom(closed, tls, 'describing group "orders"').message).toBe(
      '10.0.0.1:9094 closed the connection without answering (we spoke SSL): a SASL_SSL listener wants --sasl-mechanism, --sasl-username and a password',
    );
  });

  it('says a server that takes the connection and never answers is not a Kafka listener, within the timeouts', () => {
    const silent = new KafkaJSRequestTimeoutError('Request ApiVersions(key: 18, version: 2) timed out', { broker: '10.0.0.1:9092', clientId: 'kafka-assignors', correlationId: 0, createdAt: 0, sentAt: 0, pendingDuration: 0 });
    expect(clusterErrorFrom(retried(silent), plaintext, 'describing group "orders"').message).toBe(
      '10.0.0.1:9092 accepted the connection but sent no answer in time (we spoke PLAINTEXT): is it a Kafka listener?',
    );
    const noHandshake = new KafkaJSConnectionError('Connection timeout', { broker: '10.0.0.1:9093' });
    expect(clusterErrorFrom(noHandshake, tls, 'describing group "orders"').message).toBe('no TLS handshake with 10.0.0.1:9093 in time: is it a TLS listener, and reachable?');
  });
});
