export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

export interface PartitionCount extends TopicPartition {
  readonly count: number;
}

export interface ReadyEvent {
  readonly event: 'ready';
  readonly clientId: string;
  readonly groupId: string;
}

/** From the consumer's rebalance listener, with the group generation and member id at that moment. */
export interface AssignedEvent {
  readonly event: 'assigned';
  /**
   * What `onPartitionsAssigned` was called with: the whole assignment under the eager protocol, only the
   * partitions this rebalance added under the cooperative one (often none).
   */
  readonly partitions: readonly TopicPartition[];
  /** Everything the member holds after this rebalance, whichever the protocol. */
  readonly assignment: readonly TopicPartition[];
  readonly generation: number;
  readonly memberId: string;
}

/** From `onPartitionsRevoked` or `onPartitionsLost`, with the group generation and member id at that moment. */
export interface RevokedEvent {
  readonly event: 'revoked' | 'lost';
  readonly partitions: readonly TopicPartition[];
  readonly generation: number;
  readonly memberId: string;
}

/** Running totals since start, per partition, after each poll that returned records. */
export interface ConsumedEvent {
  readonly event: 'consumed';
  readonly records: readonly PartitionCount[];
}

export interface PeerErrorEvent {
  readonly event: 'error';
  readonly message: string;
}

/** The consumer has closed, so it has left the group. */
export interface StoppedEvent {
  readonly event: 'stopped';
}

/** One line of the Java peer's standard output. */
export type PeerEvent = ReadyEvent | AssignedEvent | RevokedEvent | ConsumedEvent | PeerErrorEvent | StoppedEvent;

/** Parses and checks one line of the peer's output; throws on anything that is not a known event. */
export function parsePeerEvent(line: string): PeerEvent {
  const value: unknown = JSON.parse(line);
  if (!isRecord(value)) throw new Error(`not a JSON object: ${line}`);
  switch (value['event']) {
    case 'ready':
      return { event: 'ready', clientId: string(value, 'clientId', line), groupId: string(value, 'groupId', line) };
    case 'assigned':
      return {
        event: 'assigned',
        partitions: topicPartitions(value, 'partitions', line),
        assignment: topicPartitions(value, 'assignment', line),
        generation: integer(value, 'generation', line),
        memberId: string(value, 'memberId', line),
      };
    case 'revoked':
    case 'lost':
      return {
        event: value['event'],
        partitions: topicPartitions(value, 'partitions', line),
        generation: integer(value, 'generation', line),
        memberId: string(value, 'memberId', line),
      };
    case 'consumed':
      return {
        event: 'consumed',
        records: array(value, 'records', line).map((entry) => partitionCount(entry, line)),
      };
    case 'error':
      return { event: 'error', message: string(value, 'message', line) };
    case 'stopped':
      return { event: 'stopped' };
    default:
      throw new Error(`unknown peer event: ${line}`);
  }
}

function topicPartitions(record: Record<string, unknown>, key: string, line: string): TopicPartition[] {
  return array(record, key, line).map((entry) => topicPartition(entry, line));
}

function topicPartition(entry: unknown, line: string): TopicPartition {
  if (!isRecord(entry)) throw new Error(`expected {topic, partition} in ${line}`);
  return { topic: string(entry, 'topic', line), partition: integer(entry, 'partition', line) };
}

function partitionCount(entry: unknown, line: string): PartitionCount {
  if (!isRecord(entry)) throw new Error(`expected {topic, partition, count} in ${line}`);
  return { ...topicPartition(entry, line), count: integer(entry, 'count', line) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function string(record: Record<string, unknown>, key: string, line: string): string {
  const value = record[key];
  if (typeof value !== 'string') throw new Error(`expected a string "${key}" in ${line}`);
  return value;
}

function integer(record: Record<string, unknown>, key: string, line: string): number {
  const value = record[key];
  if (!Number.isSafeInteger(value)) throw new Error(`expected an integer "${key}" in ${line}`);
  return value as number;
}

function array(record: Record<string, unknown>, key: string, line: string): unknown[] {
  const value = record[key];
  if (!Array.isArray(value)) throw new Error(`expected an array "${key}" in ${line}`);
  return value;
}
