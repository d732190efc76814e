import {
  compareJavaMemberOrder,
  compareStrings,
  type Assignor,
  type Group,
  type GroupAssignment,
  type MemberAssignment,
} from '@kafka-assignors/core';

/**
 * The Java client's RoundRobinAssignor (protocol `roundrobin`), result for result.
 *
 * Members are ordered static first (by group instance id), then dynamic (by member id). Every partition of
 * every subscribed topic is laid out in one sequence, topics in name order and partitions ascending. One
 * cursor walks the members in a circle, never reset between topics: each partition goes to the next member
 * that subscribes to its topic. Cost: O(P) with equal subscriptions; a member that is skipped costs a step,
 * so O(P x N) at worst with very unequal ones, as in Java.
 */
export function roundRobinAssignor(options: RoundRobinAssignorOptions = {}): Assignor {
  return { name: options.protocolName ?? 'roundrobin', rebalanceProtocols: ['eager'], assign: assignRoundRobin };
}

export interface RoundRobinAssignorOptions {
  /**
   * The protocol name the assignor advertises. `roundrobin` (the default) is the Java client's, which Java
   * members of the group share. `RoundRobinAssigner` is KafkaJS' own, offered alongside `roundrobin` to move
   * a running KafkaJS group over without stopping it; the README has the two rolling restarts.
   */
  readonly protocolName?: 'roundrobin' | 'RoundRobinAssigner';
}

function assignRoundRobin(group: Group): GroupAssignment {
  const members = [...group.members].sort(compareJavaMemberOrder);
  const subscribed = members.map((member) => new Set(member.subscription.topics));
  const received: { topic: string; partitions: number[] }[][] = members.map(() => []);

  const topics = [...new Set(members.flatMap((member) => member.subscription.topics))]
    .filter((topic) => group.topics.has(topic))
    .sort(compareStrings);

  let cursor = 0;
  for (const topic of topics) {
    const partitionCount = group.topics.get(topic)?.partitionCount ?? 0;
    for (let partition = 0; partition < partitionCount; partition++) {
      while (!subscribed[cursor]?.has(topic)) cursor = (cursor + 1) % members.length;
      const entries = received[cursor] ?? [];
      const last = entries[entries.length - 1];
      if (last?.topic === topic) last.partitions.push(partition);
      else entries.push({ topic, partitions: [partition] });
      cursor = (cursor + 1) % members.length;
    }
  }

  const assignment = new Map<string, MemberAssignment>();
  members.forEach((member, index) => assignment.set(member.memberId, { partitions: received[index] ?? [], userData: null }));
  return assignment;
}
