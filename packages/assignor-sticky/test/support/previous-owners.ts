import type { Group, GroupMember, TopicPartitions } from '@kafka-assignors/core';
import { decodeCooperativeStickyUserData, decodeStickyUserData } from '@kafka-assignors/assignor-sticky';
import { partitionKey, topicOfKey } from './partition-keys.js';

export type StickyProtocolName = 'sticky' | 'cooperative-sticky';

/** What a member claims and with which generation, as the README says each protocol reads it. */
function claimsOf(member: GroupMember, protocol: StickyProtocolName): { partitions: readonly TopicPartitions[]; generation: number } {
  const { subscription } = member;
  if (protocol === 'sticky') {
    const { partitions, generation } = decodeStickyUserData(subscription.userData);
    return { partitions, generation: generation ?? -1 };
  }
  const generation = subscription.generationId >= 0 ? subscription.generationId : (decodeCooperativeStickyUserData(subscription.userData) ?? -1);
  return { partitions: subscription.ownedPartitions, generation };
}

/**
 * The previous owner of each partition, worked out the plain way for tests: valid claims only (existing topic,
 * index in range, topic still subscribed), highest generation wins, a tie at the highest leaves it to nobody.
 */
export function previousOwners(group: Group, protocol: StickyProtocolName): Map<string, string> {
  const claimants = new Map<string, { generation: number; memberIds: Set<string> }>();
  for (const member of group.members) {
    const { partitions, generation } = claimsOf(member, protocol);
    for (const { topic, partitions: list } of partitions) {
      const partitionCount = group.topics.get(topic)?.partitionCount ?? 0;
      if (!member.subscription.topics.includes(topic)) continue;
      for (const partition of list) {
        if (partition < 0 || partition >= partitionCount) continue;
        const key = partitionKey(topic, partition);
        const best = claimants.get(key);
        if (best === undefined || generation > best.generation) claimants.set(key, { generation, memberIds: new Set([member.memberId]) });
        else if (generation === best.generation) best.memberIds.add(member.memberId);
      }
    }
  }
  const owners = new Map<string, string>();
  for (const [key, { memberIds }] of claimants) if (memberIds.size === 1) owners.set(key, [...memberIds][0]!);
  return owners;
}

/** Previous (member, partition) pairs that the assignment does not keep. */
export function lostClaims(previous: ReadonlyMap<string, string>, current: ReadonlyMap<string, string>): number {
  let lost = 0;
  for (const [key, memberId] of previous) if (current.get(key) !== memberId) lost++;
  return lost;
}

/**
 * Partitions of one topic that moved from A to B while others of the same topic moved from B to A in the same
 * round: moves that cancel out (the Java client's `isSticky` check).
 */
export function tradedPartitions(previous: ReadonlyMap<string, string>, current: ReadonlyMap<string, string>): string[] {
  const moves = new Set<string>();
  for (const [key, from] of previous) {
    const to = current.get(key);
    if (to !== undefined && to !== from) moves.add(`${topicOfKey(key)} ${from} ${to}`);
  }
  return [...moves].filter((move) => {
    const [topic, from, to] = move.split(' ');
    return moves.has(`${topic} ${to} ${from}`);
  });
}
