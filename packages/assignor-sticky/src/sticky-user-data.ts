import { type TopicPartitions } from '@kafka-assignors/core';
import { compareStrings } from '@kafka-assignors/core/internal';
import { javaUtf8, readJavaUtf8 } from './java-utf8.js';

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
    .map(([topic, set]) => ({ name: javaUtf8(topic), partitions: [...set].sort((a, b) => a - b) }));
  const size = entries.reduce((total, { name, partitions }) => total + 2 + name.length + 4 + 4 * partitions.length, 4 + 4);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  let at = 0;
  view.setInt32(at, entries.length);
  at += 4;
  for (const { name, partitions } of entries) {
    view.setInt16(at, name.length);
    bytes.set(name, at + 2);
    at += 2 + name.length;
    view.setInt32(at, partitions.length);
    at += 4;
    for (const partition of partitions) {
      view.setInt32(at, partition);
      at += 4;
    }
  }
  view.setInt32(at, generation);
  return bytes;
}

/**
 * Checks the structure of sticky user data without reading names: null when the previous assignment cannot be
 * read, as Java's schema reader would fail (a count or length that is negative or runs past the end).
 */
export function stickyUserDataLayout(bytes: Uint8Array): StickyUserDataLayout | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.byteLength;
  if (end < 4) return null;
  const topicCount = view.getInt32(0);
  let at = 4;
  if (topicCount < 0 || topicCount > end - at) return null;
  for (let topic = 0; topic < topicCount; topic++) {
    if (end - at < 2) return null;
    const nameLength = view.getInt16(at);
    at += 2;
    if (nameLength < 0 || nameLength > end - at) return null;
    at += nameLength;
    if (end - at < 4) return null;
    const partitionCount = view.getInt32(at);
    at += 4;
    if (partitionCount < 0 || partitionCount > (end - at) / 4) return null;
    at += 4 * partitionCount;
  }
  return { topicCount, generation: end - at >= 4 ? view.getInt32(at) : null };
}

/** What `forEachStickyTopic` calls for each topic entry. */
export interface StickyTopicVisitor {
  /** The name is `bytes[nameStart, nameEnd)`; its `partitionCount` int32 partitions start at `partitionsAt`. */
  visitTopic(nameStart: number, nameEnd: number, partitionsAt: number, partitionCount: number): void;
}

/** Visits each topic entry of user data whose layout was checked. */
export function forEachStickyTopic(bytes: Uint8Array, layout: StickyUserDataLayout, visitor: StickyTopicVisitor): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 4;
  for (let topic = 0; topic < layout.topicCount; topic++) {
    const nameStart = at + 2;
    const nameEnd = nameStart + view.getInt16(at);
    const partitionCount = view.getInt32(nameEnd);
    visitor.visitTopic(nameStart, nameEnd, nameEnd + 4, partitionCount);
    at = nameEnd + 4 + 4 * partitionCount;
  }
}

/** Reads sticky user data as the Java client does; null and empty bytes mean no previous assignment and no generation. */
export function decodeStickyUserData(bytes: Uint8Array | null): StickyUserData {
  if (bytes === null || bytes.byteLength === 0) return NONE;
  const layout = stickyUserDataLayout(bytes);
  if (layout === null) return UNREADABLE;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const partitions: TopicPartitions[] = [];
  forEachStickyTopic(bytes, layout, {
    visitTopic(nameStart, nameEnd, partitionsAt, partitionCount) {
      const topic = readJavaUtf8(bytes.subarray(nameStart, nameEnd));
      partitions.push({ topic, partitions: Array.from({ length: partitionCount }, (_, index) => view.getInt32(partitionsAt + 4 * index)) });
    },
  });
  return { partitions, generation: layout.generation };
}
