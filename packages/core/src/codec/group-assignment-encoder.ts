import type { GroupAssignment, MemberAssignment } from '../model.js';
import { encodeAssignment } from './assignment-codec.js';
import { checkWritableVersion, HIGHEST_VERSION } from './protocol-version.js';

const NULL_LENGTH = -1;
/** Version, topic count, and the user data's length. */
const FIXED_BYTES = 2 + 4 + 4;
const MAX_STRING_BYTES = 0x7fff;
const FIRST_NON_ASCII = 0x80;
const INITIAL_BYTES = 1 << 16;

/**
 * The SyncGroup bytes of every member of an assignment, the same bytes `encodeAssignment` writes for each, in
 * one pass over the entries, all into one buffer: a leader of a thousand members would otherwise spend as much
 * time allocating and copying a thousand buffers as writing them, and reading the entries a second time to size
 * the buffer first costs more than growing it (once the first member is written, the buffer is sized for every
 * member at that size). The direct path takes what assignors return: topics in ascending order with no repeats,
 * names in ASCII (Kafka allows no other topic names), partitions that are int32s. A member whose assignment is in
 * any other form goes through `encodeAssignment`, which merges repeated topics, writes any name, or throws its
 * ConsumerProtocolError naming the field. O(entries + partitions + bytes written).
 */
export function encodeGroupAssignment(assignment: GroupAssignment, version: number = HIGHEST_VERSION): Map<string, Uint8Array> {
  checkWritableVersion(version, () => 'Assignment.Version');
  const writer = new DirectWriter(version);
  const ends = new Int32Array(assignment.size);
  const encodedApart = new Map<number, Uint8Array>();
  let member = 0;
  for (const memberAssignment of assignment.values()) {
    const start = writer.at;
    if (!writer.write(memberAssignment)) {
      writer.at = start;
      encodedApart.set(member, encodeAssignment(memberAssignment, version));
    }
    if (member === 0) writer.reserve(writer.at * (assignment.size - 1));
    ends[member++] = writer.at;
  }

  const encoded = new Map<string, Uint8Array>();
  const buffer = writer.buffer;
  let start = 0;
  member = 0;
  for (const memberId of assignment.keys()) {
    const end = ends[member]!;
    encoded.set(memberId, encodedApart.get(member) ?? buffer.subarray(start, end));
    start = end;
    member += 1;
  }
  return encoded;
}

/**
 * Writes members' bytes one after the other into a buffer it grows. The members of a group mostly hold the same
 * topics in the same order (in a fresh group of a thousand members over fifty topics, each holds one partition of
 * every topic), so writing each name byte by byte and comparing it with the one before would be most of the work.
 * Instead each topic's length and name are laid out once as big-endian words, reused while the entry at the same
 * position carries the same topic, and copied a word at a time; the last word may run up to three bytes past the
 * name, which the partition count written next covers. The order of a topic after the one before it, once
 * checked at a position, is not compared again while both stay the same there.
 */
class DirectWriter {
  buffer = new Uint8Array(INITIAL_BYTES);
  at = 0;
  private view = new DataView(this.buffer.buffer);
  private readonly wordsByTopic = new Map<string, Int32Array | null>();
  private readonly topicAt: string[] = [];
  private readonly wordsAt: Int32Array[] = [];
  /** The topic found before `topicAt[i]` when their order was last checked there. */
  private readonly previousAt: (string | null | undefined)[] = [];

  constructor(private readonly version: number) {}

  /** Makes room for `bytes` more bytes. */
  reserve(bytes: number): void {
    if (this.buffer.length - this.at >= bytes) return;
    let size = this.buffer.length * 2;
    while (size - this.at < bytes) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.at));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }

  /**
   * Writes the member's bytes, leaving out empty entries; false, with the bytes unfinished, at a topic not
   * after the one before it, a name too long or not ASCII, or a partition that is no int32.
   */
  write({ partitions: entries, userData }: MemberAssignment): boolean {
    this.reserve(FIXED_BYTES);
    let { view, at } = this;
    view.setInt16(at, this.version);
    at += 2;
    const topicCountAt = at;
    at += 4;
    let topicCount = 0;
    let previousTopic: string | null = null;
    for (let i = 0; i < entries.length; i++) {
      const { topic, partitions } = entries[i]!;
      const partitionCount = partitions.length;
      if (partitionCount === 0) continue;
      if (topic !== this.topicAt[i] && !this.placeAt(i, topic)) return false;
      if (previousTopic !== this.previousAt[i]) {
        if (previousTopic !== null && !(previousTopic < topic)) return false;
        this.previousAt[i] = previousTopic;
      }
      previousTopic = topic;
      const words = this.wordsAt[i]!;
      const wordCount = words.length;
      const needed = 4 * wordCount + 4 + 4 * partitionCount + 4;
      if (this.buffer.length - at < needed) {
        this.at = at;
        this.reserve(needed);
        view = this.view;
      }
      for (let w = 0; w < wordCount; w++) view.setInt32(at + 4 * w, words[w]!);
      at += 2 + topic.length;
      view.setInt32(at, partitionCount);
      at += 4;
      for (let j = 0; j < partitionCount; j++) {
        const partition = partitions[j]!;
        if ((partition | 0) !== partition) return false;
        view.setInt32(at, partition);
        at += 4;
      }
      topicCount += 1;
    }
    view.setInt32(topicCountAt, topicCount);
    if (userData === null) {
      view.setInt32(at, NULL_LENGTH);
      this.at = at + 4;
    } else {
      this.at = at;
      this.reserve(4 + userData.length);
      this.view.setInt32(at, userData.length);
      this.buffer.set(userData, at + 4);
      this.at = at + 4 + userData.length;
    }
    return true;
  }

  /** Makes `topic` the one held at entry position `i`, its order there unchecked; false for a name too long or not ASCII. */
  private placeAt(i: number, topic: string): boolean {
    let words = this.wordsByTopic.get(topic);
    if (words === undefined) {
      words = asciiNameWords(topic);
      this.wordsByTopic.set(topic, words);
    }
    if (words === null) return false;
    this.topicAt[i] = topic;
    this.wordsAt[i] = words;
    this.previousAt[i] = undefined;
    return true;
  }
}

/** The topic's length and name as big-endian words, zero-padded; null for a name too long or not ASCII. */
function asciiNameWords(topic: string): Int32Array | null {
  if (typeof topic !== 'string' || topic.length > MAX_STRING_BYTES) return null;
  const length = topic.length;
  const bytes = new Uint8Array(4 * Math.ceil((2 + length) / 4));
  bytes[0] = length >>> 8;
  bytes[1] = length;
  for (let j = 0; j < length; j++) {
    const codeUnit = topic.charCodeAt(j);
    if (codeUnit >= FIRST_NON_ASCII) return null;
    bytes[2 + j] = codeUnit;
  }
  const view = new DataView(bytes.buffer);
  return Int32Array.from({ length: bytes.length / 4 }, (_, w) => view.getInt32(4 * w));
}
