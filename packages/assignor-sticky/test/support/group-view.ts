import type { Group, GroupAssignment } from '@kafka-assignors/core';
import type { GroupSimulator, RebalanceRound } from '@kafka-assignors/core/testing';

/**
 * A settled round as the balance checks read it: each member with the topics it subscribes to now, the
 * topics that exist, and what the round gave each member.
 */
export function settledGroup(simulator: GroupSimulator, round: RebalanceRound): { group: Group; assignment: GroupAssignment } {
  const members = round.members.map(({ name, memberId }) => ({
    memberId,
    groupInstanceId: null,
    subscription: { topics: simulator.context(name).topics, userData: null, ownedPartitions: [], generationId: round.generationId, rackId: null },
  }));
  const assignment = new Map(round.members.map(({ memberId, partitions }) => [memberId, { partitions, userData: null }]));
  return { group: { members, topics: new Map(simulator.topics) }, assignment };
}
