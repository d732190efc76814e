import type { GroupAssignment, MemberAssignment } from '../model.js';
import { encodeAssignment } from './assignment-codec.js';
import { checkWritableVersion, HIGHEST_VERSION } from './protocol-version.js';

const NULL_LENGTH = -1;
/** Version, topic count, and the user data's length. */
const FIXED_BYTES = 2 + 4 + 4;
const NOT_DIRECT = -1;
const MAX_STRING_BYTES = 0x7fff;
const FIRST_NON_ASCII = 0x80;

/**
 * The SyncGroup bytes of every member of an assignment, the same bytes `encodeAssignment` writes for each, in
 * one pass over the entries to size them and one to write them, all into one buffer: a leader of a thousand
 * members would otherwise spend as much time allocating and copying a thousand buffers as writing them. The
 * direct path takes what assignors return: topics in ascending order with no repeats, names in ASCII (Kafka
 * allows no other topic names), partitions that are int32s. A member whose assignment is in any other form goes
 * through `encodeAssignment`, which merges repeated topics, writes any name, or throws its ConsumerProtocolError
 * naming the field. O(entries + partitions + bytes written).
 */
export function encodeGroupAssignment(assignment: GroupAssignment, version: number = HIGHEST_VERSION): Map<string, Uint8Array> {
  checkWritableVersion(version, () => 'Assignment.Version');
  const assignments = [...assignment.values()];
  const sizes = assignments.map(directSize);
  const buffer = new Uint8Array(sizes.reduce((total, size) => total + Math.max(size, 0), 0));

  const encoded = new Map<string, Uint8Array>();
  let offset = 0;
  let member = 0;
  for (const memberId of assignment.keys()) {
    const memberAssignment = assignments[member]!;
    const size = sizes[member++]!;
    let bytes: Uint8Array | null = null;
    if (size !== NOT_DIRECT && writeDirect(buffer, offset, memberAssignment, version)) bytes = buffer.subarray(offset, offset + size);
    encoded.set(memberId, bytes ?? encodeAssignment(memberAssignment, version));
    offset += Math.max(size, 0);
  }
  return encoded;
}

/** The size of the member's bytes if its topics are ascending without repeats (empty entries are left out) and short enough, else NOT_DIRECT. */
function directSize({ partitions: entries, userData }: MemberAssignment): number {
  let size = FIXED_BYTES + (userData === null ? 0 : userData.length);
  let previousTopic: string | null = null;
  for (let i = 0; i < entries.length; i++) {
    const { topic, partitions } = entries[i]!;
    if (partitions.length === 0) continue;
    if ((previousTopic !== null && !(previousTopic < topic)) || topic.length > MAX_STRING_BYTES) return NOT_DIRECT;
    previousTopic = topic;
    size += 2 + topic.length + 4 + 4 * partitions.length;
  }
  return size;
}

/** Writes the member's bytes at `offset`, sized by `directSize`; false, leaving them unfinished, at a non-ASCII name or a partition that is no int32. */
function writeDirect(buffer: Uint8Array, offset: number, { partitions: entries, userData }: MemberAssignment, version: number): boolean {
  let topicCount = 0;
  for (let i = 0; i < entries.length; i++) if (entries[i]!.partitions.length > 0) topicCount += 1;
  let at = writeInt16(buffer, offset, version);
  at = writeInt32(buffer, at, topicCount);
  for (let i = 0; i < entries.length; i++) {
    const { topic, partitions } = entries[i]!;
    if (partitions.length === 0) continue;
    at = writeInt16(buffer, at, topic.length);
    for (let j = 0; j < topic.length; j++) {
      const codeUnit = topic.charCodeAt(j);
      if (codeUnit >= FIRST_NON_ASCII) return false;
      buffer[at++] = codeUnit;
    }
    at = writeInt32(buffer, at, partitions.length);
    for (let j = 0; j < partitions.length; j++) {
      const partition = partitions[j]!;
      if ((partition | 0) !== partition) return false;
      at = writeInt32(buffer, at, partition);
    }
  }
  if (userData === null) {
    writeInt32(buffer, at, NULL_LENGTH);
  } else {
    buffer.set(userData, writeInt32(buffer, at, userData.length));
  }
  return true;
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
