import type { Group, GroupAssignment } from '@kafka-assignors/core';
import { partitionKeys, topicOfKey } from './partition-keys.js';

/** For each member, the members it could take a partition from: they hold a partition of a topic it subscribes to. */
function canTakeFrom(group: Group, assignment: GroupAssignment): Map<string, Set<string>> {
  const heldTopics = new Map([...assignment].map(([memberId, { partitions }]) => [memberId, new Set(partitionKeys(partitions).map(topicOfKey))]));
  return new Map(
    group.members.map(({ memberId, subscription }) => [
      memberId,
      new Set(group.members.filter((other) => other.memberId !== memberId && subscription.topics.some((topic) => heldTopics.get(other.memberId)?.has(topic))).map((other) => other.memberId)),
    ]),
  );
}

function countsOf(assignment: GroupAssignment): Map<string, number> {
  return new Map([...assignment].map(([memberId, { partitions }]) => [memberId, partitionKeys(partitions).length]));
}

/**
 * The balance: no member with two or more fewer partitions could legally take one from a heavier
 * member. Returns the offending (lighter, heavier) pairs.
 */
export function localImbalances(group: Group, assignment: GroupAssignment): [string, string][] {
  const counts = countsOf(assignment);
  const takers = canTakeFrom(group, assignment);
  const offending: [string, string][] = [];
  for (const [light, sources] of takers) {
    for (const heavy of sources) if ((counts.get(heavy) ?? 0) >= (counts.get(light) ?? 0) + 2) offending.push([light, heavy]);
  }
  return offending;
}

/**
 * The README's balance: no chain of takes leads from a member to one holding two or more partitions more.
 * Returns the offending (start, end) pairs.
 */
export function chainImbalances(group: Group, assignment: GroupAssignment): [string, string][] {
  const counts = countsOf(assignment);
  const takers = canTakeFrom(group, assignment);
  const offending: [string, string][] = [];
  for (const start of takers.keys()) {
    const reached = new Set([start]);
    const queue = [start];
    while (queue.length > 0) {
      for (const next of takers.get(queue.shift()!) ?? []) {
        if (reached.has(next)) continue;
        reached.add(next);
        queue.push(next);
        if ((counts.get(next) ?? 0) >= (counts.get(start) ?? 0) + 2) offending.push([start, next]);
      }
    }
  }
  return offending;
}
