import type { Designation } from './role-record.js';

/** Whether the member must do the work (`active`) or wait (`standby`). */
export type Role = 'active' | 'standby';

/**
 * Why a member's role changed.
 * - `elected`: it became active in a group that knew no active (the first, or after a time without one),
 *   or to hold a topic that the active does not subscribe to;
 * - `failover`: it became active because the previous active is gone, ineligible, or expired;
 * - `preempted`: it took the role over, with a higher priority and `preempt`, or lost it that way;
 * - `left`: it left the group (`consumer.disconnect()`/`stop()`), or it is no longer eligible;
 * - `session-lost`: no heartbeat was accepted within the session timeout (self-fencing), or the
 *   coordinator expired it and it came back as a new member;
 * - `session-regained`: after `session-lost`, the coordinator accepted a heartbeat of the same member and
 *   generation: nobody replaced it, and it holds the role again;
 * - `reassigned`: it lost the role for another reason: what it held went to the active (different
 *   subscriptions), or an active with a later claim came back.
 */
export type RoleChangeReason = 'elected' | 'failover' | 'preempted' | 'left' | 'session-lost' | 'session-regained' | 'reassigned';

/** One change of role, as the `roleChange` event reports it. */
export interface RoleChange {
  readonly role: Role;
  readonly previousRole: Role;
  readonly reason: RoleChangeReason;
  /** The member id the member holds, or held, the role under. */
  readonly memberId: string;
  /**
   * The generation of the rebalance that gave the member its role. On a change to active it is the fencing
   * token: it is higher than that of any earlier active, so a sink that refuses tokens below the highest it
   * has seen refuses the writes of a deposed active.
   */
  readonly generationId: number;
  /** The group's active as this member last learned it; `null` when there is none or the member does not know. */
  readonly activeMemberId: string | null;
  readonly activeName: string | null;
}

/** The member's role as it stands now. */
export interface RoleState {
  readonly role: Role;
  /**
   * What the leader designated it as in the last rebalance; `covering` members hold topics that the active
   * does not subscribe to, and are active too. A designated member whose session is lost is `standby`.
   */
  readonly designation: Designation;
  /** `null` before the member's first rebalance. */
  readonly memberId: string | null;
  /** The generation of the last rebalance, -1 before the first. */
  readonly generationId: number;
  readonly activeMemberId: string | null;
  readonly activeName: string | null;
  /**
   * When the member's lease ends, on its clock (milliseconds of the machine's monotonic clock by default):
   * the send time of its last confirmed request plus the session timeout, less the margin. Past it the
   * member is standby until a fresh confirmation arrives. `null` before the first rebalance, or where the
   * client reports no session.
   */
  readonly leaseExpiresAt: number | null;
}
