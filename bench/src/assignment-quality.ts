import { validateAssignment, type Group, type GroupAssignment, type RebalanceProtocol, type TopicMetadata } from '@kafka-assignors/core';
import { type AssignmentJson, type Scenario } from '@kafka-assignors/core/scenario';
import type { Quality } from './measurement.js';

const SHOWN_VIOLATIONS = 3;
const NOBODY = -1;

/**
 * Checks a result with `validateAssignment` (every partition must be assigned unless the assignor is
 * cooperative, which withholds partitions changing owner) and measures its balance and its movement from the
 * previous round that the scenario's members carry.
 */
export function assignmentQuality(scenario: Scenario, assignment: GroupAssignment, rebalance: RebalanceProtocol): Quality {
  const group = validationGroup(scenario);
  const violations = validateAssignment(group, assignment, { requireAllPartitions: rebalance === 'eager' });
  const memberIndex = new Map(scenario.members.map((member, index) => [member.memberId, index]));

  const owners = new Map<string, Int32Array>();
  const counts = scenario.members.map(() => 0);
  for (const [memberId, { partitions }] of assignment) {
    const index = memberIndex.get(memberId);
    if (index === undefined) continue;
    for (const { topic, partitions: numbers } of partitions) {
      counts[index] = (counts[index] ?? 0) + numbers.length;
      const topicOwners = ownersOf(owners, topic, group.topics.get(topic));
      for (const partition of numbers) if (topicOwners !== undefined && partition < topicOwners.length) topicOwners[partition] = index;
    }
  }

  return {
    valid: violations.length === 0,
    violationCount: violations.length,
    violations: violations.slice(0, SHOWN_VIOLATIONS).map((violation) => violation.message),
    spread: counts.length === 0 ? 0 : Math.max(...counts) - Math.min(...counts),
    moved: movedPartitions(scenario, owners),
    unassigned: unassignedPartitions(group, owners),
  };
}

/** A result in the scenario output format, as a GroupAssignment. */
export function assignmentFromJson({ assignment }: AssignmentJson): GroupAssignment {
  return new Map(Object.entries(assignment).map(([memberId, partitions]) => [memberId, { partitions, userData: null }]));
}

/** What `validateAssignment` reads of a group: the topics that exist, and what each member subscribes to. */
function validationGroup(scenario: Scenario): Group {
  const topics = new Map<string, TopicMetadata>();
  for (const topic of scenario.topics) if (topic.partitions > 0) topics.set(topic.name, { partitionCount: topic.partitions });
  return {
    topics,
    members: scenario.members.map((member) => ({
      memberId: member.memberId,
      groupInstanceId: member.groupInstanceId ?? null,
      subscription: { topics: member.topics, userData: null, ownedPartitions: [], generationId: member.generationId ?? -1, rackId: member.rackId ?? null },
    })),
  };
}

function ownersOf(owners: Map<string, Int32Array>, topic: string, metadata: TopicMetadata | undefined): Int32Array | undefined {
  if (metadata === undefined) return undefined;
  let topicOwners = owners.get(topic);
  if (topicOwners === undefined) {
    topicOwners = new Int32Array(metadata.partitionCount).fill(NOBODY);
    owners.set(topic, topicOwners);
  }
  return topicOwners;
}

function movedPartitions(scenario: Scenario, owners: ReadonlyMap<string, Int32Array>): number | null {
  if (scenario.members.every((member) => member.owned === undefined)) return null;
  let moved = 0;
  scenario.members.forEach((member, index) => {
    for (const { topic, partitions } of member.owned ?? []) {
      const topicOwners = owners.get(topic);
      for (const partition of partitions) if (topicOwners?.[partition] !== index) moved++;
    }
  });
  return moved;
}

function unassignedPartitions(group: Group, owners: Map<string, Int32Array>): number {
  const subscribed = new Set(group.members.flatMap((member) => member.subscription.topics));
  let unassigned = 0;
  for (const topic of subscribed) {
    const topicOwners = ownersOf(owners, topic, group.topics.get(topic));
    if (topicOwners !== undefined) for (const owner of topicOwners) if (owner === NOBODY) unassigned++;
  }
  return unassigned;
}
