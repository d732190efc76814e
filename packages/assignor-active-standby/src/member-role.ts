import type { AssignmentMetadata, Clock, HeartbeatMetadata, MemberAssignment, MemberContext } from '@kafka-assignors/core';
import { ActiveStandbyDataError } from './active-standby-data-error.js';
import type { ActiveStandbyLogger } from './logger.js';
import type { Role, RoleChangeReason, RoleState } from './role-change.js';
import type { RoleChangeListeners } from './role-listeners.js';
import { decodeRoleRecord, designationOf, type Designation, type RoleRecord } from './role-record.js';

/** What the member learned in its last rebalance, and how long the coordinator's confirmation of it lasts. */
interface Membership {
  readonly memberId: string;
  readonly generationId: number;
  readonly designation: Designation;
  readonly activeMemberId: string | null;
  readonly activeName: string | null;
  /** The reason it becomes active with under this membership the first time its lease lets it. */
  readonly activationReason: RoleChangeReason;
  /** `null` when the client reports no session: then the member cannot fence itself. */
  leaseExpiresAt: number | null;
  /** It has been active under this membership: a later activation is a regained session. */
  wasActive: boolean;
}

/**
 * One member's side of the protocol: what the leader designated it as, the role it reports, and its lease.
 * The role is `active` while the member is designated (active or covering) and holds a lease: a confirmed
 * request (the JoinGroup of its last rebalance, or an accepted heartbeat) was *sent* less than a session
 * timeout, less a margin, ago. The coordinator restarts the session when it handles the request, after it
 * was sent, so the lease ends before the coordinator can expire the member and give its partitions to
 * another; an answer read after its lease ended (it waited in a socket while the process was stalled)
 * extends nothing.
 */
export class MemberRole {
  private membership: Membership | null = null;
  private role: Role = 'standby';
  private eligibleAtJoin = true;
  private cancelLeaseCheck: (() => void) | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly leaseMarginMs: number,
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

  /**
   * Only a role record written by an active-standby leader designates: an assignment without one that can be
   * read (the broker's assignor chose it, in a KIP-848 consumer group) leaves the member standby, whatever
   * partitions it holds, and says so at error level.
   */
  assigned(assignment: MemberAssignment, metadata: AssignmentMetadata): void {
    const { memberId, generationId, sessionTimeoutMs, requestSentAt } = metadata;
    const record = metadata.assignedByBroker === true ? this.brokerAssigned(assignment, metadata) : this.readRecord(assignment, memberId);
    const previous = { role: this.role, designation: this.membership?.designation ?? 'standby', memberId: this.membership?.memberId };
    const designation = record === null ? 'standby' : designationOf(record, partitionCount(assignment.partitions));
    const sameMember = previous.memberId === memberId;
    const membership: Membership = {
      memberId,
      generationId,
      designation,
      // A record that lets the partitions designate names no active: a member holding them knows it is the one.
      activeMemberId: record?.partitionsDesignate === true ? (designation === 'standby' ? null : memberId) : (record?.activeMemberId ?? null),
      activeName: record?.activeName ?? null,
      activationReason: activationReason(designation, record, previous.designation !== 'standby' && sameMember),
      leaseExpiresAt: sessionTimeoutMs === undefined ? null : this.leaseEnd(requestSentAt, sessionTimeoutMs),
      wasActive: false,
    };
    this.membership = membership;
    this.role = designation !== 'standby' && this.leaseHolds(membership) ? 'active' : 'standby';
    this.disarmLeaseCheck();
    if (this.role === previous.role) {
      membership.wasActive = this.role === 'active';
      this.armLeaseCheck();
      return;
    }
    let reason: RoleChangeReason;
    if (this.role === 'active') reason = membership.activationReason;
    else if (designation !== 'standby') reason = 'session-lost';
    else reason = this.deactivationReason(record, previous.designation, sameMember);
    this.changed(previous.role, reason, membership);
  }

  heartbeatAccepted({ memberId, generationId, sessionTimeoutMs, requestSentAt }: HeartbeatMetadata): void {
    const membership = this.membership;
    if (membership === null || memberId !== membership.memberId || generationId !== membership.generationId) return;
    const leaseExpiresAt = this.leaseEnd(requestSentAt, sessionTimeoutMs);
    if (leaseExpiresAt <= this.clock.now()) return;
    membership.leaseExpiresAt = Math.max(membership.leaseExpiresAt ?? leaseExpiresAt, leaseExpiresAt);
    if (membership.designation !== 'standby' && this.role === 'standby') {
      this.role = 'active';
      this.changed('standby', membership.wasActive ? 'session-regained' : membership.activationReason, membership);
    }
  }

  left(): void {
    const membership = this.membership;
    const previousRole = this.role;
    this.membership = null;
    this.role = 'standby';
    if (membership !== null && previousRole === 'active') this.changed('active', 'left', membership);
  }

  /** Whether the member is active now. A member whose lease has ended stops being active at once, event included. */
  isActive(): boolean {
    this.checkLease();
    return this.role === 'active';
  }

  state(): RoleState {
    this.checkLease();
    return {
      role: this.role,
      designation: this.membership?.designation ?? 'standby',
      memberId: this.membership?.memberId ?? null,
      generationId: this.membership?.generationId ?? -1,
      activeMemberId: this.membership?.activeMemberId ?? null,
      activeName: this.membership?.activeName ?? null,
      leaseExpiresAt: this.membership?.leaseExpiresAt ?? null,
    };
  }

  private deactivationReason(record: RoleRecord | null, previousDesignation: Designation, sameMember: boolean): RoleChangeReason {
    if (!sameMember) return 'session-lost';
    if (!this.eligibleAtJoin) return 'left';
    if (previousDesignation === 'active' && record?.reason === 'preempted') return 'preempted';
    return 'reassigned';
  }

  private readRecord({ userData, partitions }: MemberAssignment, memberId: string): RoleRecord | null {
    try {
      return decodeRoleRecord(userData ?? new Uint8Array());
    } catch (error) {
      if (!(error instanceof ActiveStandbyDataError)) throw error;
      this.logger.error(
        `The role record of this member's assignment cannot be read, so no active-standby leader designated it: it stays standby, holding ${partitionCount(partitions)} partitions it must not process`,
        { memberId, field: error.field, offset: error.offset, reason: error.message },
      );
      return null;
    }
  }

  private brokerAssigned({ partitions }: MemberAssignment, { memberId, generationId }: AssignmentMetadata): null {
    this.logger.error(
      `The broker assigned this rebalance with its own assignor (the group is a consumer-protocol group, KIP-848), not active-standby: ` +
        `this member stays standby, holding ${partitionCount(partitions)} partitions it must not process, until the group's consumer-protocol members ` +
        'leave or use group.protocol=classic; group.consumer.migration.policy=disabled on the brokers keeps them out of active-standby groups',
      { memberId, generationId },
    );
    return null;
  }

  private leaseEnd(requestSentAt: number | undefined, sessionTimeoutMs: number): number {
    if (requestSentAt === undefined) {
      throw new TypeError('an adapter that reports sessionTimeoutMs must report requestSentAt, the send time the lease counts from');
    }
    return requestSentAt + sessionTimeoutMs - this.leaseMarginMs;
  }

  private leaseHolds({ leaseExpiresAt }: Membership): boolean {
    return leaseExpiresAt === null || this.clock.now() < leaseExpiresAt;
  }

  private checkLease(): void {
    const membership = this.membership;
    if (this.role !== 'active' || membership === null || this.leaseHolds(membership)) return;
    this.role = 'standby';
    this.changed('active', 'session-lost', membership);
  }

  /** One pending check at a time: when it fires before the lease ends (a heartbeat extended it), it schedules the next. */
  private armLeaseCheck(): void {
    const leaseExpiresAt = this.membership?.leaseExpiresAt;
    if (this.cancelLeaseCheck !== null || this.role !== 'active' || leaseExpiresAt == null) return;
    this.cancelLeaseCheck = this.clock.schedule(() => {
      this.cancelLeaseCheck = null;
      this.checkLease();
      this.armLeaseCheck();
    }, Math.max(0, leaseExpiresAt - this.clock.now()));
  }

  private disarmLeaseCheck(): void {
    this.cancelLeaseCheck?.();
    this.cancelLeaseCheck = null;
  }

  private changed(previousRole: Role, reason: RoleChangeReason, membership: Membership): void {
    if (this.role === 'active') {
      membership.wasActive = true;
      this.armLeaseCheck();
    } else {
      this.disarmLeaseCheck();
    }
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

function partitionCount(partitions: MemberAssignment['partitions']): number {
  return partitions.reduce((count, topic) => count + topic.partitions.length, 0);
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
