import type { Group, GroupAssignment } from '@kafka-assignors/core';
import { partitionKey, partitionKeys } from './partition-keys.js';

/** Whether a member may hold a partition without reading across racks. */
export type RackMatch = (memberId: string, key: string) => boolean;

function memberRack(group: Group, memberId: string): string | null {
  const rack = group.members.find((member) => member.memberId === memberId)?.subscription.rackId ?? null;
  return rack === '' ? null : rack;
}

/** The replicas' racks of every partition of the topics that exist and that some member subscribes to. */
function replicaRacks(group: Group): Map<string, Set<string>> {
  const topics = new Set(group.members.flatMap(({ subscription }) => subscription.topics));
  const racks = new Map<string, Set<string>>();
  for (const topic of topics) {
    const metadata = group.topics.get(topic);
    for (let partition = 0; partition < (metadata?.partitionCount ?? 0); partition++) {
      racks.set(partitionKey(topic, partition), new Set(metadata?.replicaRacks?.[partition] ?? []));
    }
  }
  return racks;
}

/**
 * The README's rack rule, worked out the plain way for tests: null when racks do not apply to the group (no
 * member rack among the replicas' racks, or every partition on every rack that holds replicas), else whether
 * a member matches a partition: it has no rack, or a replica is on its rack.
 */
export function rackMatch(group: Group): RackMatch | null {
  const racks = replicaRacks(group);
  const allRacks = new Set([...racks.values()].flatMap((set) => [...set]));
  const memberRacks = group.members.map(({ memberId }) => memberRack(group, memberId)).filter((rack) => rack !== null);
  if (!memberRacks.some((rack) => allRacks.has(rack))) return null;
  if ([...racks.values()].every((set) => set.size === allRacks.size)) return null;
  return (memberId, key) => {
    const rack = memberRack(group, memberId);
    return rack === null || (racks.get(key)?.has(rack) ?? false);
  };
}

/** The (member, partition) pairs of an assignment where a member with a rack holds a partition with no replica on it. */
export function rackMismatches(group: Group, assignment: GroupAssignment): number {
  const racks = replicaRacks(group);
  let mismatches = 0;
  for (const [memberId, { partitions }] of assignment) {
    const rack = memberRack(group, memberId);
    if (rack === null) continue;
    for (const key of partitionKeys(partitions)) if (!(racks.get(key)?.has(rack) ?? false)) mismatches++;
  }
  return mismatches;
}

/** The group with no member on a rack: racks do not apply. */
export function withoutMemberRacks(group: Group): Group {
  return { topics: group.topics, members: group.members.map((member) => ({ ...member, subscription: { ...member.subscription, rackId: null } })) };
}
