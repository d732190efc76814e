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

/** Writes members' bytes one after the other into a buffer it grows. */
class DirectWriter {
  buffer = new Uint8Array(INITIAL_BYTES);
  at = 0;

  constructor(private readonly version: number) {}

  /** Makes room for `bytes` more bytes. */
  reserve(bytes: number): void {
    if (this.buffer.length - this.at >= bytes) return;
    let size = this.buffer.length * 2;
    while (size - this.at < bytes) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.at));
    this.buffer = grown;
  }

  /**
   * Writes the member's bytes, leaving out empty entries; false, with the bytes unfinished, at a topic not
   * after the one before it, a name too long or not ASCII, or a partition that is no int32.
   */
  write({ partitions: entries, userData }: MemberAssignment): boolean {
    this.reserve(FIXED_BYTES);
    let { buffer, at } = this;
    at = writeInt16(buffer, at, this.version);
    const topicCountAt = at;
    at += 4;
    let topicCount = 0;
    let previousTopic: string | null = null;
    for (let i = 0; i < entries.length; i++) {
      const { topic, partitions } = entries[i]!;
      const partitionCount = partitions.length;
      if (partitionCount === 0) continue;
      const nameLength = topic.length;
      if ((previousTopic !== null && !(previousTopic < topic)) || nameLength > MAX_STRING_BYTES) return false;
      previousTopic = topic;
      const needed = 2 + nameLength + 4 + 4 * partitionCount + 4;
      if (buffer.length - at < needed) {
        this.at = at;
        this.reserve(needed);
        buffer = this.buffer;
      }
      at = writeInt16(buffer, at, nameLength);
      for (let j = 0; j < nameLength; j++) {
        const codeUnit = topic.charCodeAt(j);
        if (codeUnit >= FIRST_NON_ASCII) return false;
        buffer[at++] = codeUnit;
      }
      at = writeInt32(buffer, at, partitionCount);
      for (let j = 0; j < partitionCount; j++) {
        const partition = partitions[j]!;
        if ((partition | 0) !== partition) return false;
        at = writeInt32(buffer, at, partition);
      }
      topicCount += 1;
    }
    writeInt32(buffer, topicCountAt, topicCount);
    if (userData === null) {
      this.at = writeInt32(buffer, at, NULL_LENGTH);
    } else {
      this.at = at;
      this.reserve(4 + userData.length);
      this.at = writeInt32(this.buffer, at, userData.length);
      this.buffer.set(userData, this.at);
      this.at += userData.length;
    }
    return true;
  }
}

function writeInt16(bytes: Uint8Array, at: number, value: number): number {
  bytes[at] = value >>> 8;
  bytes[at + 1] = value;
  return at + 2;
}

function writeInt32(bytes: Uint8Array, at: number, value: number): number {
  bytes[at] = value >>> 24;
  bytes[at + 1] = value >>> 16;
  bytes[at + 2] = value >>> 8;
  bytes[at + 3] = value;
  return at + 4;
}
