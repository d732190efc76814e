import type { ClaimBook } from './claim-book.js';
import type { IndexedGroup } from './indexed-group.js';
import { forEachStickyTopic, stickyUserDataLayout, type StickyTopicVisitor } from './sticky-user-data.js';
import { subscribesTo } from './subscribes-to.js';

/** Members whose user data has no generation (version 0) are as old as Java's default generation. */
const UNKNOWN_GENERATION = -1;

/**
 * The claims of `sticky` members: the previous assignment and generation in their user data (eager members
 * report no owned partitions). Claims of topics the member no longer subscribes to, that no longer exist, or
 * past a topic's partition count are dropped.
 */
export function readStickyClaims(group: IndexedGroup, book: ClaimBook): void {
  const reader = new StickyClaimReader(group, book);
  group.members.forEach(({ subscription: { userData } }, member) => {
    if (userData === null || userData.byteLength === 0) return;
    const layout = stickyUserDataLayout(userData);
    if (layout === null) return;
    reader.start(member, layout.generation ?? UNKNOWN_GENERATION, userData);
    forEachStickyTopic(userData, layout, reader);
  });
}

/**
 * Turns one member's topic entries into claims, one reader for all members so that every entry goes through
 * the same method. Topic names are matched as bytes, the topic after the previous one first.
 */
class StickyClaimReader implements StickyTopicVisitor {
  private member = 0;
  private generation = UNKNOWN_GENERATION;
  private bytes: Uint8Array = new Uint8Array(0);
  private view: DataView = new DataView(this.bytes.buffer);
  private previousTopic = -1;

  constructor(
    private readonly group: IndexedGroup,
    private readonly book: ClaimBook,
  ) {}

  start(member: number, generation: number, bytes: Uint8Array): void {
    this.member = member;
    this.generation = generation;
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.previousTopic = -1;
  }

  visitTopic(nameStart: number, nameEnd: number, partitionsAt: number, count: number): void {
    const { topics, memberTopics, equalSubscriptions } = this.group;
    const topic = topics.idOfUtf8(this.bytes, nameStart, nameEnd, this.previousTopic + 1);
    if (topic < 0) return;
    this.previousTopic = topic;
    if (!equalSubscriptions && !subscribesTo(memberTopics[this.member]!, topic)) return;
    const first = topics.firstPartition[topic]!;
    const partitionCount = topics.partitionCount(topic);
    for (let index = 0; index < count; index++) {
      const partition = this.view.getInt32(partitionsAt + 4 * index);
      if (partition >= 0 && partition < partitionCount) this.book.claim(this.member, this.generation, first + partition);
    }
  }
}
