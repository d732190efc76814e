import type { Assignor, Group, GroupAssignment } from '@kafka-assignors/core';
import { assignPerTopicRoundRobin } from './per-topic-round-robin-assignor.js';

/**
 * The per-topic round robin under the cooperative protocol: a partition that another member still reports
 * owning is withheld this round, so that its owner revokes it first and it moves in the next round.
 */
export function cooperativeRoundRobinAssignor(): Assignor {
  return { name: 'cooperative-per-topic-round-robin', rebalanceProtocols: ['cooperative', 'eager'], assign: assignWithholdingClaimed };
}

function assignWithholdingClaimed(group: Group): GroupAssignment {
  const claimants = new Map<string, Set<string>>();
  for (const member of group.members) {
    for (const { topic, partitions } of member.subscription.ownedPartitions) {
      for (const partition of partitions) {
        const key = `${topic}:${partition}`;
        claimants.set(key, (claimants.get(key) ?? new Set()).add(member.memberId));
      }
    }
  }
  const claimedByOther = (memberId: string, topic: string, partition: number): boolean =>
    [...(claimants.get(`${topic}:${partition}`) ?? [])].some((claimant) => claimant !== memberId);

  return new Map(
    [...assignPerTopicRoundRobin(group)].map(([memberId, { partitions, userData }]) => [
      memberId,
      {
        partitions: partitions
          .map(({ topic, partitions: list }) => ({ topic, partitions: list.filter((partition) => !claimedByOther(memberId, topic, partition)) }))
          .filter(({ partitions: list }) => list.length > 0),
        userData,
      },
    ]),
  );
}
