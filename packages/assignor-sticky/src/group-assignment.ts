import { type GroupAssignment, type MemberAssignment, type TopicPartitions } from '@kafka-assignors/core';
import { singlePartition } from '@kafka-assignors/core/internal';
import type { IndexedGroup } from './indexed-group.js';

/** An entry while it is being filled; the result exposes it as a read-only TopicPartitions. */
interface TopicEntry {
  readonly topic: string;
  partitions: readonly number[];
}

/**
 * The result for the group from the owner of every partition: an entry per member, topics by name, partitions
 * ascending. Spreading topics evenly makes entries of a single partition the common case (a million partitions
 * over 2,000 members and 500 topics are a million entries of one partition each), so those share core's
 * frozen `singlePartition` lists; an entry that gets a second partition gets its own list. A first pass counts
 * each member's entries, so that every member's list is allocated at its size.
 */
export function groupAssignment(group: IndexedGroup, owner: Int32Array): GroupAssignment {
  const { members, topics } = group;
  const memberCount = members.length;
  const lastTopic = new Int32Array(memberCount).fill(-1);
  const entryCount = new Int32Array(memberCount);
  for (let topic = 0; topic < topics.topicCount; topic++) {
    const end = topics.firstPartition[topic + 1]!;
    for (let partition = topics.firstPartition[topic]!; partition < end; partition++) {
      const member = owner[partition]!;
      if (member >= 0 && lastTopic[member] !== topic) {
        lastTopic[member] = topic;
        entryCount[member]! += 1;
      }
    }
  }

  const received = new Array<TopicEntry[]>(memberCount);
  for (let member = 0; member < memberCount; member++) received[member] = new Array<TopicEntry>(entryCount[member]!);
  const filled = new Int32Array(memberCount);
  lastTopic.fill(-1);
  for (let topic = 0; topic < topics.topicCount; topic++) {
    const first = topics.firstPartition[topic]!;
    const end = topics.firstPartition[topic + 1]!;
    const name = topics.names[topic]!;
    for (let partition = first; partition < end; partition++) {
      const member = owner[partition]!;
      if (member < 0) continue;
      const number = partition - first;
      const entries = received[member]!;
      if (lastTopic[member] === topic) {
        const entry = entries[filled[member]! - 1]!;
        if (entry.partitions.length === 1) entry.partitions = [entry.partitions[0]!, number];
        else (entry.partitions as number[]).push(number);
      } else {
        lastTopic[member] = topic;
        entries[filled[member]!++] = { topic: name, partitions: singlePartition(number) };
      }
    }
  }
  const assignment = new Map<string, MemberAssignment>();
  for (let member = 0; member < memberCount; member++) {
    const partitions: readonly TopicPartitions[] = received[member]!;
    assignment.set(members[member]!.memberId, { partitions, userData: null });
  }
  return assignment;
}
