import type { Group, GroupAssignment, GroupMember } from '@kafka-assignors/core';
import { decodeRoleRecord, encodeMemberUserData, type RoleRecord } from '@kafka-assignors/assignor-active-standby';

/** A member as a test describes it; its user data is built from these fields unless `userData` is given. */
export interface MemberSpec {
  readonly memberId: string;
  readonly topics?: readonly string[];
  readonly groupInstanceId?: string;
  readonly priority?: number;
  readonly name?: string;
  readonly eligible?: boolean;
  readonly preempt?: boolean;
  /** It held the active role after the rebalance of `generationId`, under `memberId` (its current one by default). */
  readonly claim?: { readonly generationId: number; readonly memberId?: string };
  /** It held these topics after its last rebalance (the claim's, when it has one). */
  readonly heldTopics?: readonly string[];
  readonly lastRebalance?: { readonly generationId: number; readonly memberId?: string };
  readonly knewActive?: boolean;
  readonly userData?: Uint8Array | null;
}

export function groupMember(spec: MemberSpec): GroupMember {
  const last = spec.claim ?? spec.lastRebalance;
  const userData =
    spec.userData !== undefined
      ? spec.userData
      : encodeMemberUserData({
          eligible: spec.eligible ?? true,
          preempt: spec.preempt ?? false,
          priority: spec.priority ?? 0,
          name: spec.name ?? null,
          lastRebalance: last === undefined ? null : { memberId: last.memberId ?? spec.memberId, generationId: last.generationId },
          claimsActive: spec.claim !== undefined,
          knewActive: spec.knewActive ?? spec.claim !== undefined,
          heldTopics: spec.heldTopics ?? [],
        });
  return {
    memberId: spec.memberId,
    groupInstanceId: spec.groupInstanceId ?? null,
    subscription: { topics: spec.topics ?? ['orders'], userData, ownedPartitions: [], generationId: last?.generationId ?? -1, rackId: null },
  };
}

/** A group with these topics (name: partition count) and members. */
export function groupOf(topics: Readonly<Record<string, number>>, members: readonly MemberSpec[]): Group {
  return {
    topics: new Map(Object.entries(topics).map(([topic, partitionCount]) => [topic, { partitionCount }])),
    members: members.map(groupMember),
  };
}

export interface MemberOutcome {
  readonly topics: readonly string[];
  readonly partitions: number;
  readonly record: RoleRecord;
}

/** Each member's topics, partition count and role record, by member id. */
export function outcome(assignment: GroupAssignment): Record<string, MemberOutcome> {
  return Object.fromEntries(
    [...assignment].map(([memberId, { partitions, userData }]) => [
      memberId,
      {
        topics: partitions.map(({ topic }) => topic),
        partitions: partitions.reduce((sum, { partitions: list }) => sum + list.length, 0),
        record: decodeRoleRecord(userData ?? new Uint8Array()),
      },
    ]),
  );
}

/** The member the leader designated active, `null` when none. */
export function designatedActive(assignment: GroupAssignment): string | null {
  const active = Object.entries(outcome(assignment)).filter(([, { record }]) => record.designation === 'active');
  if (active.length > 1) throw new Error(`${active.length} members are designated active`);
  return active[0]?.[0] ?? null;
}
