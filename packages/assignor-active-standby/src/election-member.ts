import type { GroupMember } from '@kafka-assignors/core';
import { ActiveStandbyDataError } from './active-standby-data-error.js';
import { decodeMemberUserData, type MemberUserData } from './member-user-data.js';

/** A member as the election sees it: its settings, and only those parts of its memory that are still its own. */
export interface ElectionMember {
  readonly memberId: string;
  /** Its configured name, else its group instance id; `null` when it has neither. */
  readonly name: string | null;
  readonly priority: number;
  readonly eligible: boolean;
  readonly preempt: boolean;
  /** Why its user data could not be read, `null` when it could: an unreadable member ranks below every other. */
  readonly unreadable: string | null;
  /** The generation in which it held the active role, when it claims so under its current member id. */
  readonly activeClaim: number | null;
  /** Its last rebalance named an active, and that rebalance was under its current member id. */
  readonly knewActive: boolean;
  /** The topics it held after its last rebalance under its current member id, and that rebalance's generation. */
  readonly heldTopics: ReadonlySet<string>;
  readonly heldGeneration: number;
  readonly topics: readonly string[];
}

/**
 * Reads a member's user data. What a member remembers counts only if it remembers it under the member id it
 * has now: a member the coordinator expired rejoins with a new id, so a zombie's claim drops out by itself.
 * A member whose user data cannot be read is eligible with the lowest rank and no claim: it never breaks the group.
 */
export function readElectionMember(member: GroupMember): ElectionMember {
  const { memberId, groupInstanceId, subscription } = member;
  const unclaimed = {
    memberId,
    topics: subscription.topics,
    activeClaim: null,
    knewActive: false,
    heldTopics: new Set<string>(),
    heldGeneration: -1,
  };
  const unreadableMember = (problem: string): ElectionMember => ({
    ...unclaimed,
    name: groupInstanceId,
    priority: 0,
    eligible: true,
    preempt: false,
    unreadable: problem,
  });
  const data = readUserData(subscription.userData);
  if (typeof data === 'string') return unreadableMember(data);
  const settings = { name: data.name ?? groupInstanceId, priority: data.priority, eligible: data.eligible, preempt: data.preempt, unreadable: null };
  if (data.lastRebalance?.memberId !== memberId) return { ...unclaimed, ...settings };
  return {
    ...unclaimed,
    ...settings,
    activeClaim: data.claimsActive ? data.lastRebalance.generationId : null,
    knewActive: data.knewActive,
    heldTopics: new Set(data.heldTopics),
    heldGeneration: data.lastRebalance.generationId,
  };
}

/** The member's user data, or why it cannot be read. */
function readUserData(bytes: Uint8Array | null): MemberUserData | string {
  if (bytes === null) return 'it sent no user data';
  try {
    return decodeMemberUserData(bytes);
  } catch (error) {
    if (!(error instanceof ActiveStandbyDataError)) throw error;
    return error.message;
  }
}
