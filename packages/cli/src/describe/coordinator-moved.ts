/** Answers of a coordinator that is no longer, or not yet, the group's (KafkaJS' names for error codes 16, 15 and 14). */
const COORDINATOR_MOVED = new Set(['NOT_COORDINATOR_FOR_GROUP', 'GROUP_COORDINATOR_NOT_AVAILABLE', 'GROUP_LOAD_IN_PROGRESS']);

/** A coordinator that answered it is not the group's (any more, or yet), or that went away: it is worth another lookup. */
export function coordinatorMoved(error: unknown): boolean {
  let cause = error;
  for (;;) {
    if (typeof cause !== 'object' || cause === null) return false;
    const { type, code, name } = cause as { type?: string; code?: string; name?: string };
    if (type !== undefined && COORDINATOR_MOVED.has(type)) return true;
    if (name === 'KafkaJSConnectionError' && (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE')) return true;
    // Metadata already came over the same listener: a closed connection now is a node going down.
    if (name === 'KafkaJSConnectionClosedError') return true;
    if (!(cause instanceof Error) || !(cause.cause instanceof Error)) return false;
    cause = cause.cause;
  }
}
