import type { Assignor } from '../assignor.js';
import { memberSubscription } from '../member-subscription.js';
import type { Group, TopicMetadata } from '../model.js';
import type { Scenario, ScenarioMember } from './scenario.js';

/**
 * The group a leader would see for this scenario. Each member's subscription is built by that member's
 * own assignor instance from its last rebalance (`owned`, `generationId`) and its `state`, as a live
 * member builds it; raw `userData` replaces what the assignor would have written.
 * Topics with no partitions do not exist for an assignor, as in the Java client.
 */
export function scenarioGroup(scenario: Scenario, assignorFor: (member: ScenarioMember) => Assignor): Group {
  const topics = new Map<string, TopicMetadata>();
  for (const { name, partitions, replicaRacks } of scenario.topics) {
    if (partitions === 0) continue;
    topics.set(name, replicaRacks === undefined ? { partitionCount: partitions } : { partitionCount: partitions, replicaRacks });
  }
  const members = scenario.members.map((member) => {
    const context = {
      memberId: member.memberId,
      generationId: member.generationId ?? -1,
      assignment: member.owned ?? [],
      topics: member.topics,
    };
    const subscription = memberSubscription(assignorFor(member), context, member.rackId ?? null);
    return {
      memberId: member.memberId,
      groupInstanceId: member.groupInstanceId ?? null,
      subscription: member.userData === undefined ? subscription : { ...subscription, userData: member.userData },
    };
  });
  return { members, topics };
}
