import type { Assignor, Group, GroupAssignment, TopicPartitions } from '@kafka-assignors/core';

/**
 * The simplest correct assignor: for each existing subscribed topic, its partitions dealt in turn to the
 * topic's subscribers sorted by member id. Eager, stateless, no user data.
 */
export function perTopicRoundRobinAssignor(): Assignor {
  return { name: 'per-topic-round-robin', rebalanceProtocols: ['eager'], assign: assignPerTopicRoundRobin };
}

export function assignPerTopicRoundRobin(group: Group): GroupAssignment {
  const partitionsByMember = new Map(group.members.map((member) => [member.memberId, [] as TopicPartitions[]]));
  const topics = [...new Set(group.members.flatMap((member) => member.subscription.topics))].sort();
  for (const topic of topics) {
    const partitionCount = group.topics.get(topic)?.partitionCount ?? 0;
    const subscribers = group.members
      .filter((member) => member.subscription.topics.includes(topic))
      .map((member) => member.memberId)
      .sort();
    const dealt = new Map(subscribers.map((memberId) => [memberId, [] as number[]]));
    for (let partition = 0; partition < partitionCount; partition++) {
      dealt.get(subscribers[partition % subscribers.length] ?? '')?.push(partition);
    }
    for (const [memberId, partitions] of dealt) {
      if (partitions.length > 0) partitionsByMember.get(memberId)?.push({ topic, partitions });
    }
  }
  return new Map([...partitionsByMember].map(([memberId, partitions]) => [memberId, { partitions, userData: null }]));
}
