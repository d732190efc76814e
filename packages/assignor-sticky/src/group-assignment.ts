import { type GroupAssignment, type MemberAssignment, type TopicPartitions } from '@kafka-assignors/core';
import { singlePartition } from '@kafka-assignors/core/internal';
import type { IndexedGroup } from './indexed-group.js';
import type { PartitionsByMember } from './partitions-by-member.js';

/**
 * The result for the group from each member's partitions: an entry per member, topics by name, partitions
 * ascending. Each member's entries are built in one go: they lie together in memory, in the order the encoder
 * reads them next. Built in partition order instead, a member's entries are scattered among everyone else's,
 * and at a million partitions encoding them took three times as long. Spreading topics evenly makes entries of
 * a single partition the common case (a million partitions over 2,000 members and 500 topics are a million
 * entries of one partition each), so those share core's frozen `singlePartition` lists. O(P + N + entries).
 */
export function groupAssignment(group: IndexedGroup, { start, partitions: byMember }: PartitionsByMember): GroupAssignment {
  const { members, topics } = group;
  const { firstPartition, names, topicCount } = topics;
  const memberCount = members.length;
  const assignment = new Map<string, MemberAssignment>();
  for (let member = 0; member < memberCount; member++) {
    const end = start[member + 1]!;
    // At most one entry per partition and per topic; cut to size after.
    const entries = new Array<TopicPartitions>(Math.min(end - start[member]!, topicCount));
    let topic = 0;
    let entry = 0;
    for (let first = start[member]!; first < end; ) {
      const partition = byMember[first]!;
      while (partition >= firstPartition[topic + 1]!) topic += 1;
      const topicStart = firstPartition[topic]!;
      const topicEnd = firstPartition[topic + 1]!;
      let last = first + 1;
      while (last < end && byMember[last]! < topicEnd) last += 1;
      entries[entry++] = { topic: names[topic]!, partitions: last === first + 1 ? singlePartition(partition - topicStart) : numbersWithin(byMember, first, last, topicStart) };
      first = last;
    }
    if (entry < entries.length) entries.length = entry;
    assignment.set(members[member]!.memberId, { partitions: entries, userData: null });
  }
  return assignment;
}

/** The numbers within their topic of the partitions `byMember[first, last)`. */
function numbersWithin(byMember: Int32Array, first: number, last: number, topicStart: number): number[] {
  const partitions = new Array<number>(last - first);
  for (let index = first; index < last; index++) partitions[index - first] = byMember[index]! - topicStart;
  return partitions;
}
