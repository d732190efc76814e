/**
 * The cluster could not answer: no broker reachable, no such group, or an error from the coordinator. One line
 * on standard error, exit status 1 (bad usage, found before any connection, is 2).
 */
export class ClusterError extends Error {}

/** The parts of KafkaJS' errors that name what failed: the broker and the socket error code, the Kafka error type. */
interface KafkaJSErrorFields {
  readonly broker?: string;
  readonly code?: string | number;
  readonly type?: string;
  readonly cause?: unknown;
}

/**
 * One line for what KafkaJS threw while doing `action` (`describing group "orders"`) through `brokers`. Its
 * retrier wraps the last failure in KafkaJSNumberOfRetriesExceeded, so the deepest cause says what went wrong.
 */
export function clusterErrorFrom(error: unknown, brokers: readonly string[], action: string): ClusterError {
  let cause = error;
  while (cause instanceof Error && (cause as KafkaJSErrorFields).cause instanceof Error) cause = (cause as KafkaJSErrorFields).cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  const { broker, code, type } = cause instanceof Error ? (cause as KafkaJSErrorFields) : {};
  if (broker !== undefined) return new ClusterError(`cannot reach ${broker} (${typeof code === 'string' ? code : message})`);
  const failed = `${action} on ${brokers.join(',')} failed`;
  return new ClusterError(type === undefined ? `${failed}: ${message}` : `${failed}: ${type} (${message})`);
}
