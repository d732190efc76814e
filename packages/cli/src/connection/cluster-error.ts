import { securityProtocol, type KafkaConnection } from './kafka-connection.js';

/**
 * The cluster could not answer: no broker reachable, TLS or SASL refused, no such group, or an error from the
 * coordinator. One line on standard error, exit status 1 (bad usage, found before any connection, is 2).
 */
export class ClusterError extends Error {}

/** The parts of KafkaJS' errors that name what failed: the broker, the socket or TLS error code, the Kafka error type. */
interface KafkaJSErrorFields {
  readonly name: string;
  readonly message: string;
  readonly broker?: string;
  readonly host?: string;
  readonly port?: number;
  readonly code?: string | number;
  readonly type?: string;
  readonly cause?: unknown;
}

/** Node's codes for a server certificate that does not verify: an unknown issuer, a self-signed chain, expiry. */
const UNTRUSTED_CERTIFICATE_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
]);

/** TLS alerts a broker sends when it wants a client certificate it trusts (mutual TLS) and got none or another. */
const CLIENT_CERTIFICATE_ALERTS = new Set([
  'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
  'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
]);

/**
 * One line for what KafkaJS threw while doing `action` (`describing group "orders"`) over `connection`, naming
 * what failed: authentication, TLS verification, the protocol a listener speaks, or the broker that did not answer.
 * KafkaJS' retrier wraps the last failure in KafkaJSNumberOfRetriesExceeded, so the deepest cause says what went
 * wrong. Nothing of a secret is in it: KafkaJS' messages carry no password, and a user name is not one.
 */
export function clusterErrorFrom(error: unknown, connection: KafkaConnection, action: string): ClusterError {
  let cause = error;
  while (cause instanceof Error && (cause as KafkaJSErrorFields).cause instanceof Error) cause = (cause as KafkaJSErrorFields).cause;
  if (!(cause instanceof Error)) return new ClusterError(`${action} on ${connection.brokers.join(',')} failed: ${String(cause)}`);
  return new ClusterError(describeFailure(cause, connection, action));
}

function describeFailure(failure: KafkaJSErrorFields, connection: KafkaConnection, action: string): string {
  const { name, message, code, type } = failure;
  const broker = failure.broker ?? (failure.host === undefined ? undefined : `${failure.host}:${failure.port ?? ''}`);
  const at = broker ?? connection.brokers.join(',');
  const usesTls = connection.ssl !== undefined;
  const usesSasl = connection.sasl !== undefined;

  if (name === 'KafkaJSSASLAuthenticationError') {
    const { mechanism, username } = connection.sasl ?? { mechanism: 'SASL', username: '?' };
    const reason = message.replace(/^SASL [\w -]+ authentication failed: /, '');
    return `authentication failed: ${at} refused user "${username}" with ${mechanism.toUpperCase()} (${reason})`;
  }
  if (typeof code === 'string' && UNTRUSTED_CERTIFICATE_CODES.has(code)) {
    return `TLS verification of ${at} failed: ${tlsReason(message)} (${code}); give the CA that signed the cluster's certificate with --ssl-ca FILE or KAFKA_SSL_CA`;
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return `TLS verification of ${at} failed: its certificate is not for that host (${tlsReason(message)}); connect by a name the certificate lists`;
  }
  if (typeof code === 'string' && CLIENT_CERTIFICATE_ALERTS.has(code)) {
    const given = connection.ssl !== undefined && connection.ssl !== true && connection.ssl.cert !== undefined;
    return given
      ? `TLS: ${at} refused our client certificate (${code}): it trusts no CA that signed it`
      : `TLS: ${at} requires a client certificate (${code}); give one with --ssl-cert FILE and --ssl-key FILE (or KAFKA_SSL_CERT and KAFKA_SSL_KEY)`;
  }
  if (usesTls && (code === 'ECONNRESET' || code === 'EPROTO') && /TLS|SSL|wrong version/i.test(message)) {
    return `TLS handshake with ${at} failed: it closed the connection before TLS was established (${code}); a plaintext listener takes no --ssl`;
  }
  if (name === 'KafkaJSConnectionClosedError') {
    const hint = !usesTls
      ? 'a TLS listener wants --ssl'
      : !usesSasl
        ? 'a SASL_SSL listener wants --sasl-mechanism, --sasl-username and a password'
        : 'is it the listener for this security protocol?';
    return `${at} closed the connection without answering (we spoke ${securityProtocol(connection)}): ${hint}`;
  }
  // KafkaJS lets a connect whose ApiVersions request timed out succeed, with no API versions; the next request then
  // fails with this plain Error, before anything is sent.
  const unansweredVersions = name === 'Error' && message === 'Broker not connected';
  if (name === 'KafkaJSRequestTimeoutError' || unansweredVersions) {
    return `${at} accepted the connection but sent no answer in time (we spoke ${securityProtocol(connection)}): is it a Kafka listener?`;
  }
  if (name === 'KafkaJSConnectionError' && message === 'Connection timeout') {
    return usesTls
      ? `no TLS handshake with ${at} in time: is it a TLS listener, and reachable?`
      : `cannot reach ${at} (Connection timeout)`;
  }
  if (broker !== undefined) return `cannot reach ${broker} (${typeof code === 'string' ? code : message})`;
  const failed = `${action} on ${connection.brokers.join(',')} failed`;
  return type === undefined ? `${failed}: ${message}` : `${failed}: ${type} (${message})`;
}

/** Node's TLS messages, without KafkaJS' prefix and OpenSSL's source locations. */
function tlsReason(message: string): string {
  return message.replace(/^Connection error: /, '').split('\n')[0] ?? message;
}
