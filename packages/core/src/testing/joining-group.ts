import type { Assignor, MemberContext } from '../assignor.js';
import { memberSubscription } from '../member-subscription.js';
import type { ClusterMetadata, Group } from '../model.js';

/** A group member described by its own local state, before any assignor has turned it into a subscription. */
export interface JoiningMember {
  /** The member id the broker gave it for this rebalance. */
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly rackId: string | null;
  /** What the member remembers of its last rebalance, and what it subscribes to now. */
  readonly context: MemberContext;
  /**
   * User data sent instead of the assignor's own: a member running another version or another assignor
   * under the same name, or plain corruption. Absent for a well-behaved member.
   */
  readonly userDataOverride?: Uint8Array | null;
}

/** A group before assignment, independent of any assignor: the metadata and each member's local state. */
export interface JoiningGroup {
  readonly topics: ClusterMetadata;
  readonly members: readonly JoiningMember[];
}

/**
 * The group a leader running `assignor` would see: each member's subscription built by the assignor
 * from the member's context, exactly as a live member builds it, unless the member overrides its user data.
 */
export function leaderView(joining: JoiningGroup, assignor: Assignor): Group {
  return {
    topics: joining.topics,
    members: joining.members.map((member) => {
      const subscription = memberSubscription(assignor, member.context, member.rackId);
      return {
        memberId: member.memberId,
        groupInstanceId: member.groupInstanceId,
        subscription: member.userDataOverride === undefined ? subscription : { ...subscription, userData: member.userDataOverride },
      };
    }),
  };
}
