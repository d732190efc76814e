import type { AssignmentMetadata, HeartbeatMetadata, MemberAssignment, MemberContext } from '@kafka-assignors/core';
import { ActiveStandbyDataError } from './active-standby-data-error.js';
import type { Clock } from './clock.js';
import type { ActiveStandbyLogger } from './logger.js';
import type { Role, RoleChangeReason, RoleState } from './role-change.js';
import type { RoleChangeListeners } from './role-listeners.js';
import { decodeRoleRecord, type Designation, type RoleRecord } from './role-record.js';

/** What the member learned in its last rebalance, and when the coordinator last confirmed it. */
interface Membership {
  readonly memberId: string;
  readonly generationId: number;
  readonly designation: Designation;
  readonly activeMemberId: string | null;
  readonly activeName: string | null;
  /** `null` when the client does not report it: then the member cannot fence itself. */
  sessionTimeoutMs: number | null;
  confirmedAt: number;
}

/**
 * One member's side of the protocol: what the leader designated it as, the role it reports, and the
 * self-fencing check. The role is `active` while the member is designated (active or covering) and its
 * membership was confirmed (a completed rebalance or an accepted heartbeat) less than a session timeout ago:
 * past that, the coordinator may have expired it and handed its partitions to another member.
 */
export class MemberRole {
  private membership: Membership | null = null;
  private role: Role = 'standby';
  private eligibleAtJoin = true;
  private cancelSessionCheck: (() => void) | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly listeners: RoleChangeListeners,
    private readonly logger: ActiveStandbyLogger,
  ) {}

  /**
   * What the member remembers of the rebalance `context` describes, for its next subscription. Only a
   * rebalance this member saw through (same member id and generation) counts: the member's context can
   * also come from a rebalance of another protocol, whose assignment says nothing about roles.
   */
  memoryOf(context: MemberContext): { claimsActive: boolean; knewActive: boolean } {
    const membership = this.membership;
    if (membership === null || context.memberId !== membership.memberId || context.generationId !== membership.generationId) {
      return { claimsActive: false, knewActive: false };
    }
    return { claimsActive: membership.designation === 'active', knewActive: membership.activeMemberId !== null };
  }

  /** The member joins, eligible or not (kept to tell `left` from other reasons if it loses the role). */
  joining(eligible: boolean): void {
    this.eligibleAtJoin = eligible;
  }

  assigned(assignment: MemberAssignment, { memberId, generationId, sessionTimeoutMs }: AssignmentMetadata): void {
    const record = this.readRecord(assignment, memberId);
    const previous = { role: this.role, designation: this.membership?.designation ?? 'standby', memberId: this.membership?.memberId };
    const holdsPartitions = assignment.partitions.some(({ partitions }) => partitions.length > 0);
    const membership: Membership = {
      memberId,
      generationId,
      designation: record?.designation ?? (holdsPartitions ? 'covering' : 'standby'),
      activeMemberId: record?.activeMemberId ?? null,
      activeName: record?.activeName ?? null,
      sessionTimeoutMs: sessionTimeoutMs ?? null,
      confirmedAt: this.clock.now(),
    };
    this.membership = membership;
    this.role = membership.designation === 'standby' ? 'standby' : 'active';
    this.disarmSessionCheck();
    if (this.role === previous.role) {
      this.armSessionCheck();
      return;
    }
    const sameMember = previous.memberId === memberId;
    const reason =
      this.role === 'active'
        ? activationReason(membership.designation, record, previous.designation !== 'standby' && sameMember)
        : this.deactivationReason(record, previous.designation, sameMember);
    this.changed(previous.role, reason, membership);
  }

  heartbeatAccepted({ memberId, generationId, sessionTimeoutMs }: HeartbeatMetadata): void {
    const membership = this.membership;
    if (membership === null || memberId !== membership.memberId || generationId !== membership.generationId) return;
    membership.confirmedAt = this.clock.now();
    membership.sessionTimeoutMs = sessionTimeoutMs;
    if (membership.designation !== 'standby' && this.role === 'standby') {
      this.role = 'active';
      this.changed('standby', 'session-regained', membership);
    }
  }

  left(): void {
    const membership = this.membership;
    const previousRole = this.role;
    this.membership = null;
    this.role = 'standby';
    if (membership !== null && previousRole === 'active') this.changed('active', 'left', membership);
  }

  /** Whether the member is active now. A member whose session may have expired stops being active at once, event included. */
  isActive(): boolean {
    this.checkSession();
    return this.role === 'active';
  }

  state(): RoleState {
    this.checkSession();
    return {
      role: this.role,
      designation: this.membership?.designation ?? 'standby',
      memberId: this.membership?.memberId ?? null,
      generationId: this.membership?.generationId ?? -1,
      activeMemberId: this.membership?.activeMemberId ?? null,
      activeName: this.membership?.activeName ?? null,
    };
  }

  private deactivationReason(record: RoleRecord | null, previousDesignation: Designation, sameMember: boolean): RoleChangeReason {
    if (!sameMember) return 'session-lost';
    if (!this.eligibleAtJoin) return 'left';
    if (previousDesignation === 'active' && record?.reason === 'preempted') return 'preempted';
    return 'reassigned';
  }

  private readRecord({ userData }: MemberAssignment, memberId: string): RoleRecord | null {
    try {
      return decodeRoleRecord(userData ?? new Uint8Array());
    } catch (error) {
      if (!(error instanceof ActiveStandbyDataError)) throw error;
      this.logger.warn("The role record of this member's assignment cannot be read; its role follows its partitions", {
        memberId,
        field: error.field,
        offset: error.offset,
        reason: error.message,
      });
      return null;
    }
  }

  private checkSession(): void {
    const membership = this.membership;
    if (this.role !== 'active' || membership?.sessionTimeoutMs == null) return;
    if (this.clock.now() - membership.confirmedAt < membership.sessionTimeoutMs) return;
    this.role = 'standby';
    this.changed('active', 'session-lost', membership);
  }

  /** One pending check at a time: when it fires before the deadline (a heartbeat moved it), it schedules the next. */
  private armSessionCheck(): void {
    const membership = this.membership;
    if (this.cancelSessionCheck !== null || this.role !== 'active' || membership?.sessionTimeoutMs == null) return;
    const delay = Math.max(0, membership.confirmedAt + membership.sessionTimeoutMs - this.clock.now());
    this.cancelSessionCheck = this.clock.schedule(() => {
      this.cancelSessionCheck = null;
      this.checkSession();
      this.armSessionCheck();
    }, delay);
  }

  private disarmSessionCheck(): void {
    this.cancelSessionCheck?.();
    this.cancelSessionCheck = null;
  }

  private changed(previousRole: Role, reason: RoleChangeReason, membership: Membership): void {
    if (this.role === 'active') this.armSessionCheck();
    else this.disarmSessionCheck();
    this.listeners.emit({
      role: this.role,
      previousRole,
      reason,
      memberId: membership.memberId,
      generationId: membership.generationId,
      activeMemberId: membership.activeMemberId,
      activeName: membership.activeName,
    });
  }
}

function activationReason(designation: Designation, record: RoleRecord | null, wasDesignated: boolean): RoleChangeReason {
  if (designation === 'covering' || record === null) return 'elected';
  switch (record.reason) {
    case 'failover':
    case 'preempted':
      return record.reason;
    // Kept while not active: it was designated under this member id already, but had fenced itself.
    case 'kept':
      return wasDesignated ? 'session-regained' : 'elected';
    case 'elected':
    case 'no-eligible-member':
      return 'elected';
  }
}
