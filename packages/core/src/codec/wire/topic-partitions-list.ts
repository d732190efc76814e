import type { TopicPartitions } from '../../model.js';
import type { FieldPath } from './field-path.js';
import type { WireReader } from './wire-reader.js';
import type { WireWriter } from './wire-writer.js';

/**
 * The field paths of one `[]{ Topic: string, Partitions: []int32 }` field: the owned and assigned partitions
 * of the consumer protocol, and the previous assignment in sticky user data.
 */
export interface TopicPartitionsFields {
  readonly list: FieldPath;
  readonly topic: FieldPath;
  readonly partitions: FieldPath;
  readonly partition: FieldPath;
}

/** The paths of the list field `name` (e.g. `Subscription.OwnedPartitions`) and of its parts. */
export function topicPartitionsFields(name: string): TopicPartitionsFields {
  return {
    list: () => name,
    topic: (index) => `${name}[${index}].Topic`,
    partitions: (index) => `${name}[${index}].Partitions`,
    partition: (index, innerIndex) => `${name}[${index}].Partitions[${innerIndex}]`,
  };
}

/** Reads the entries as they are on the wire: not merged, not sorted, empty ones kept. */
export function readTopicPartitionsList(reader: WireReader, fields: TopicPartitionsFields): TopicPartitions[] {
  const count = reader.readArrayCount(fields.list);
  const entries = new Array<TopicPartitions>(count);
  for (let i = 0; i < count; i++) {
    const topic = reader.readString(fields.topic, i);
    const partitions = reader.readInt32Array(fields.partitions, fields.partition, i);
    entries[i] = { topic, partitions };
  }
  return entries;
}

export function writeTopicPartitionsList(sink: WireWriter, entries: readonly TopicPartitions[], fields: TopicPartitionsFields): void {
  sink.arrayCount(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    sink.string(entry.topic, fields.topic, i);
    sink.int32Array(entry.partitions, fields.partition, i);
  }
}
