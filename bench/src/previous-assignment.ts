import type { TopicPartitions } from '@kafka-assignors/core';
import type { ScenarioTopic } from '@kafka-assignors/core/scenario';

export interface PreviousMember {
  readonly memberId: string;
  readonly topics: readonly string[];
}

/**
 * A plausible result of the previous round that favours no assignor: each topic's partitions dealt in turn to the
 * members that subscribe to it, the turn carrying over between topics with the same subscribers, so that every
 * member of such a set ends within one partition of the others. Each member's list is in topic order, partitions
 * ascending.
 */
export function previousAssignment(topics: readonly ScenarioTopic[], members: readonly PreviousMember[]): Map<string, TopicPartitions[]> {
  const subscribersByTopic = new Map<string, number[]>(topics.map((topic) => [topic.name, []]));
  members.forEach((member, index) => {
    for (const topic of new Set(member.topics)) subscribersByTopic.get(topic)?.push(index);
  });
  const turnBySubscribers = new Map<string, number>();
  const owned = members.map(() => new Map<string, number[]>());
  for (const topic of topics) {
    const subscribers = subscribersByTopic.get(topic.name) ?? [];
    if (subscribers.length === 0) continue;
    const key = subscribers.join(',');
    let turn = turnBySubscribers.get(key) ?? 0;
    for (let partition = 0; partition < topic.partitions; partition++) {
      const owner = owned[subscribers[turn] ?? 0];
      const partitions = owner?.get(topic.name);
      if (partitions === undefined) owner?.set(topic.name, [partition]);
      else partitions.push(partition);
      turn = (turn + 1) % subscribers.length;
    }
    turnBySubscribers.set(key, turn);
  }
  return new Map(members.map((member, index) => [member.memberId, [...(owned[index] ?? [])].map(([topic, partitions]) => ({ topic, partitions }))]));
}
