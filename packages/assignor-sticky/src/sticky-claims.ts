import type { ClaimBook } from './claim-book.js';
import type { IndexedGroup } from './indexed-group.js';
import { subscribesTo } from './subscribes-to.js';

/** Members whose user data has no generation (version 0) are as old as Java's default generation. */
const UNKNOWN_GENERATION = -1;
const INT16_BYTES = 2;
const INT32_BYTES = 4;

/**
 * The claims of `sticky` members: the previous assignment and generation in their user data (eager members
 * report no owned partitions). Claims of topics the member no longer subscribes to, that no longer exist, or
 * past a topic's partition count are dropped.
 */
export function readStickyClaims(group: IndexedGroup, book: ClaimBook): void {
  const reader = new StickyClaimReader(group);
  group.members.forEach(({ subscription: { userData } }, member) => {
    if (userData === null || userData.byteLength === 0) return;
    const claimCount = reader.read(member, userData);
    if (claimCount > 0) book.claimAll(member, reader.generation, reader.claims, claimCount);
  });
}

/**
 * Reads one member's user data at a time, in the format of `sticky-user-data.ts`, in one pass: the structure is
 * checked as Java's schema reader checks it (a count or length that is negative or runs past the end makes the
 * whole user data unreadable, so no claim of it counts), and the partitions are collected on the way, to be
 * claimed once the generation at the end is known. Topic names are matched as bytes, the topic after the
 * previous one first. One reader for all members, so that the claims' array is reused.
 */
class StickyClaimReader {
  /** The partitions (by number in the group) claimed by the user data last read. */
  claims: Int32Array = new Int32Array(64);
  /** The generation of the user data last read. */
  generation = UNKNOWN_GENERATION;

  constructor(private readonly group: IndexedGroup) {}

  /** How many valid claims `bytes` holds (they are in `claims`), 0 when it cannot be read. */
  read(member: number, bytes: Uint8Array): number {
    const { topics, memberTopics, equalSubscriptions } = this.group;
    const firstPartition = topics.firstPartition;
    let claims = this.claims;
    const end = bytes.byteLength;
    if (end < INT32_BYTES) return 0;
    // Big-endian reads of one load each; the checks below keep every read within the bytes.
    const view = new DataView(bytes.buffer, bytes.byteOffset, end);
    const topicCount = view.getInt32(0);
    let at = INT32_BYTES;
    if (topicCount < 0 || topicCount > end - at) return 0;

    let claimCount = 0;
    let previousTopic = -1;
    for (let entry = 0; entry < topicCount; entry++) {
      if (end - at < INT16_BYTES) return 0;
      const nameLength = view.getInt16(at);
      const nameStart = at + INT16_BYTES;
      if (nameLength < 0 || nameLength > end - nameStart) return 0;
      at = nameStart + nameLength;
      if (end - at < INT32_BYTES) return 0;
      const count = view.getInt32(at);
      at += INT32_BYTES;
      if (count < 0 || count * INT32_BYTES > end - at) return 0;
      const partitionsAt = at;
      at += count * INT32_BYTES;

      // User data lists topics by name, so the next one is usually the topic after the last.
      const topic = topics.isNameAt(previousTopic + 1, view, bytes, nameStart, nameLength)
        ? previousTopic + 1
        : topics.idOfUtf8(bytes, nameStart, nameStart + nameLength);
      if (topic < 0) continue;
      previousTopic = topic;
      if (!equalSubscriptions && !subscribesTo(memberTopics[member]!, topic)) continue;
      const first = firstPartition[topic]!;
      const partitionCount = firstPartition[topic + 1]! - first;
      if (claimCount + count > claims.length) claims = this.grow(claimCount + count);
      for (let index = 0; index < count; index++) {
        const partition = view.getInt32(partitionsAt + INT32_BYTES * index);
        if (partition >= 0 && partition < partitionCount) claims[claimCount++] = first + partition;
      }
    }
    this.generation = end - at >= INT32_BYTES ? view.getInt32(at) : UNKNOWN_GENERATION;
    return claimCount;
  }

  private grow(needed: number): Int32Array {
    let capacity = this.claims.length * 2;
    while (capacity < needed) capacity *= 2;
    const grown = new Int32Array(capacity);
    grown.set(this.claims);
    this.claims = grown;
    return grown;
  }
}
