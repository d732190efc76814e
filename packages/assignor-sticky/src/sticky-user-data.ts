import { type TopicPartitions } from '@kafka-assignors/core';
import {
  compareStrings,
  readTopicPartitionsList,
  topicPartitionsFields,
  WireFormatError,
  WireReader,
  WireWriter,
  writeTopicPartitionsList,
  type FieldPath,
} from '@kafka-assignors/core/internal';

/**
 * The user data of the `sticky` protocol, in the Java client's StickyAssignor format (no version prefix; all
 * big-endian):
 *
 *     version 1: int32 topic count, per topic { int16 name length, UTF-8 name, int32 count, int32 partitions },
 *                then int32 generation
 *     version 0: the same without the generation (Java clients before 2.3)
 *
 * Java reads version 1 and falls back to version 0 when that fails; when both fail the member is taken to
 * have no previous assignment. Trailing bytes are ignored.
 */

/** What a sticky member's user data says. */
export interface StickyUserData {
  /** The member's previous assignment, in the order written; empty when the bytes cannot be read. */
  readonly partitions: readonly TopicPartitions[];
  /** The generation of that assignment; -1 when the bytes cannot be read, null when version 0 left it out. */
  readonly generation: number | null;
}

/** Where the parts of readable sticky user data are. */
export interface StickyUserDataLayout {
  readonly topicCount: number;
  readonly generation: number | null;
}

const UNREADABLE: StickyUserData = { partitions: [], generation: -1 };
const NONE: StickyUserData = { partitions: [], generation: null };
const INT32_BYTES = 4;

const PREVIOUS_ASSIGNMENT = topicPartitionsFields('previous_assignment');
const GENERATION: FieldPath = () => 'generation';

/** Version 1 user data: the assignment grouped by topic, topics by name, partitions ascending, then the generation. */
export function encodeStickyUserData(assignment: readonly TopicPartitions[], generation: number): Uint8Array {
  const byTopic = new Map<string, Set<number>>();
  for (const { topic, partitions } of assignment) {
    const set = byTopic.get(topic) ?? new Set<number>();
    for (const partition of partitions) set.add(partition);
    byTopic.set(topic, set);
  }
  const entries = [...byTopic]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([topic, set]) => ({ topic, partitions: [...set].sort((a, b) => a - b) }));
  const writer = new WireWriter();
  writeTopicPartitionsList(writer, entries, PREVIOUS_ASSIGNMENT);
  writer.int32(generation, GENERATION);
  return writer.finish();
}

/** The generation after the previous assignment: null when the bytes end before it, as version 0 does. */
function readGeneration(reader: WireReader): number | null {
  return reader.remaining >= INT32_BYTES ? reader.readInt32(GENERATION) : null;
}

/** Passes over the `topicCount` topic entries, checking that each is there in full. */
function skipTopics(reader: WireReader, topicCount: number): void {
  for (let index = 0; index < topicCount; index++) {
    reader.skipString(PREVIOUS_ASSIGNMENT.topic, index);
    reader.skipInt32Array(PREVIOUS_ASSIGNMENT.partitions, PREVIOUS_ASSIGNMENT.partition, index);
  }
}

/**
 * Checks the structure of sticky user data without reading names: null when the previous assignment cannot be
 * read, as Java's schema reader would fail (a count or length that is negative or runs past the end).
 */
export function stickyUserDataLayout(bytes: Uint8Array): StickyUserDataLayout | null {
  const reader = new WireReader(bytes);
  try {
    const topicCount = reader.readArrayCount(PREVIOUS_ASSIGNMENT.list);
    skipTopics(reader, topicCount);
    return { topicCount, generation: readGeneration(reader) };
  } catch (error) {
    if (error instanceof WireFormatError) return null;
    throw error;
  }
}

/** Reads sticky user data as the Java client does; null and empty bytes mean no previous assignment and no generation. */
export function decodeStickyUserData(bytes: Uint8Array | null): StickyUserData {
  if (bytes === null || bytes.byteLength === 0) return NONE;
  const reader = new WireReader(bytes);
  try {
    const partitions = readTopicPartitionsList(reader, PREVIOUS_ASSIGNMENT);
    return { partitions, generation: readGeneration(reader) };
  } catch (error) {
    if (error instanceof WireFormatError) return UNREADABLE;
    throw error;
  }
}
