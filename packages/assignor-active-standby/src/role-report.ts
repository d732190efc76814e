import type { Clock } from '@kafka-assignors/core';
import type { Role, RoleChangeReason, RoleState } from './role-change.js';

/** What `GET /role` answers, and the first event of `/events`. */
export interface RoleReport {
  readonly role: Role;
  /** Why the role last changed; `null` when it has not changed since the endpoint started. */
  readonly reason: RoleChangeReason | null;
  readonly designation: RoleState['designation'];
  /** The fencing token: the generation of the rebalance that gave the role. -1 before the first rebalance. */
  readonly generationId: number;
  readonly memberId: string | null;
  /** This member's `name` option. */
  readonly name: string | null;
  readonly activeMemberId: string | null;
  readonly activeName: string | null;
  /**
   * How long the member's lease lasts from now, in whole milliseconds (0 once it ended); absent before the
   * first rebalance. A duration, since the lease is kept on a monotonic clock, not on wall time.
   */
  readonly leaseRemainingMs?: number;
}

export function roleReport(state: RoleState, reason: RoleChangeReason | null, name: string | null, clock: Clock): RoleReport {
  const { role, designation, generationId, memberId, activeMemberId, activeName, leaseExpiresAt } = state;
  const report = { role, reason, designation, generationId, memberId, name, activeMemberId, activeName };
  return leaseExpiresAt === null ? report : { ...report, leaseRemainingMs: Math.max(0, Math.floor(leaseExpiresAt - clock.now())) };
}
