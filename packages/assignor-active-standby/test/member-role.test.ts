import { describe, expect, it, vi } from 'vitest';
import {
  activeStandbyAssignor,
  decodeMemberUserData,
  encodePartitionsDesignateRecord,
  encodeRoleRecord,
  type ActiveStandbyOptions,
  type DecisionReason,
  type Designation,
  type RoleChange,
} from '@kafka-assignors/assignor-active-standby';
import { systemClock, type MemberAssignment } from '@kafka-assignors/core';
import { ManualClock } from '@kafka-assignors/core/testing';
import { recordingLogger } from './support/recording-logger.js';

const SESSION_TIMEOUT = 10_000;
/** The default lease margin. */
const MARGIN = 100;
const LEASE = SESSION_TIMEOUT - MARGIN;

function roleAssignment(designation: Designation, reason: DecisionReason, activeMemberId: string | null = 'm-1'): MemberAssignment {
  return {
    partitions: designation === 'standby' ? [] : [{ topic: 'orders', partitions: [0, 1] }],
    userData: encodeRoleRecord({ designation, reason, activeMemberId, activeName: activeMemberId === null ? null : `name-of-${activeMemberId}` }),
  };
}

/** A member with a manual clock and a recorded log, and every role change it emitted. */
function member(options: ActiveStandbyOptions = {}) {
  const clock = new ManualClock();
  const logger = recordingLogger();
  const assignor = activeStandbyAssignor({ clock, logger, ...options });
  const changes: RoleChange[] = [];
  assignor.on('roleChange', (change) => {
    changes.push(change);
  });
  const assigned = (designation: Designation, reason: DecisionReason, memberId = 'm-1', generationId = 1, activeMemberId: string | null = 'm-1') =>
    assignor.onAssignment(roleAssignment(designation, reason, activeMemberId), {
      memberId,
      generationId,
      sessionTimeoutMs: SESSION_TIMEOUT,
      requestSentAt: clock.now(),
    });
  const reasons = () => changes.map(({ previousRole, role, reason }) => `${previousRole}->${role} ${reason}`);
  return { assignor, clock, logger, changes, assigned, reasons };
}

describe('role changes', () => {
  it('reports becoming active with the generation as fencing token and who is active', () => {
    const { assignor, assigned, changes } = member();
    expect(assignor.isActive()).toBe(false);
    assigned('active', 'elected', 'm-1', 4);
    expect(changes).toEqual([
      { role: 'active', previousRole: 'standby', reason: 'elected', memberId: 'm-1', generationId: 4, activeMemberId: 'm-1', activeName: 'name-of-m-1' },
    ]);
    expect(assignor.isActive()).toBe(true);
    expect(assignor.roleState()).toEqual({
      role: 'active',
      designation: 'active',
      memberId: 'm-1',
      generationId: 4,
      activeMemberId: 'm-1',
      activeName: 'name-of-m-1',
      leaseExpiresAt: LEASE,
    });
  });

  it('says nothing while the role stays the same through rebalances', () => {
    const { assigned, reasons } = member();
    assigned('standby', 'elected', 'm-2', 1);
    assigned('standby', 'kept', 'm-2', 2);
    assigned('active', 'failover', 'm-2', 3, 'm-2');
    assigned('active', 'kept', 'm-2', 4, 'm-2');
    expect(reasons()).toEqual(['standby->active failover']);
  });

  it('tells preemption on both sides', () => {
    const deposed = member();
    deposed.assigned('active', 'elected', 'm-1', 1);
    deposed.assigned('standby', 'preempted', 'm-1', 2, 'm-9');
    expect(deposed.reasons()).toEqual(['standby->active elected', 'active->standby preempted']);
    const taker = member();
    taker.assigned('standby', 'elected', 'm-9', 1, 'm-1');
    taker.assigned('active', 'preempted', 'm-9', 2, 'm-9');
    expect(taker.reasons()).toEqual(['standby->active preempted']);
  });

  it('says left when the member was not eligible at its last join', () => {
    let eligible = true;
    const { assignor, assigned, reasons } = member({ eligible: () => eligible });
    assignor.subscriptionUserData({ memberId: null, generationId: -1, assignment: [], topics: ['orders'] });
    assigned('active', 'elected', 'm-1', 1);
    eligible = false;
    assignor.subscriptionUserData({ memberId: 'm-1', generationId: 1, assignment: [], topics: ['orders'] });
    assigned('standby', 'failover', 'm-1', 2, 'm-2');
    expect(reasons()).toEqual(['standby->active elected', 'active->standby left']);
  });

  it('says left when the member leaves the group, and forgets its claim', () => {
    const { assignor, assigned, reasons } = member();
    assigned('active', 'elected', 'm-1', 1);
    assignor.onLeave();
    assignor.onLeave();
    expect(reasons()).toEqual(['standby->active elected', 'active->standby left']);
    expect(assignor.isActive()).toBe(false);
    const userData = assignor.subscriptionUserData({ memberId: 'm-1', generationId: 1, assignment: [], topics: ['orders'] });
    expect(decodeMemberUserData(userData)).toMatchObject({ claimsActive: false, knewActive: false });
  });

  it('says session lost when the member comes back under a new member id', () => {
    const { assigned, reasons } = member();
    assigned('active', 'elected', 'm-1', 1);
    assigned('standby', 'failover', 'm-1-again', 3, 'm-2');
    expect(reasons()).toEqual(['standby->active elected', 'active->standby session-lost']);
  });

  it('counts a member that covers topics the active does not subscribe to as active, and says reassigned when it stops', () => {
    const { assignor, assigned, reasons } = member();
    assigned('covering', 'kept', 'm-2', 1, 'm-1');
    expect(assignor.isActive()).toBe(true);
    expect(assignor.roleState()).toMatchObject({ role: 'active', designation: 'covering', activeMemberId: 'm-1' });
    assigned('standby', 'kept', 'm-2', 2, 'm-1');
    expect(reasons()).toEqual(['standby->active elected', 'active->standby reassigned']);
  });

  it('stays standby when the role record cannot be read, whatever it holds, and logs it as an error', () => {
    const { assignor, logger, changes } = member();
    assignor.onAssignment({ partitions: [{ topic: 'orders', partitions: [0] }], userData: Uint8Array.of(7) }, { memberId: 'm-1', generationId: 1 });
    expect(assignor.roleState()).toMatchObject({ role: 'standby', designation: 'standby', activeMemberId: null });
    expect(assignor.isActive()).toBe(false);
    expect(changes).toEqual([]);
    expect(logger.entries.map(({ level, extra }) => [level, extra])).toEqual([
      ['error', { memberId: 'm-1', field: 'version', offset: 0, reason: 'version at byte 0 needs 2 bytes for an int16, only 1 left' }],
    ]);
    expect(logger.entries[0]?.message).toMatch(/stays standby, holding 1 partitions it must not process/);
  });

  it('stops being active when a rebalance brings no role record', () => {
    const { assignor, assigned, reasons } = member();
    assigned('active', 'elected', 'm-1', 1);
    assignor.onAssignment({ partitions: [{ topic: 'orders', partitions: [0, 1] }], userData: null }, { memberId: 'm-1', generationId: 2 });
    expect(reasons()).toEqual(['standby->active elected', 'active->standby reassigned']);
    expect(assignor.isActive()).toBe(false);
  });

  it('takes its role from its partitions under a record that lets them designate, knowing only itself as the active', () => {
    const { assignor, clock, reasons } = member();
    const common = encodePartitionsDesignateRecord();
    const metadata = (generationId: number) => ({ memberId: 'm-1', generationId, sessionTimeoutMs: SESSION_TIMEOUT, requestSentAt: clock.now() });
    assignor.onAssignment({ partitions: [], userData: common }, metadata(1));
    expect(assignor.isActive()).toBe(false);
    assignor.onAssignment({ partitions: [{ topic: 'orders', partitions: [0, 1] }], userData: common }, metadata(2));
    expect(assignor.isActive()).toBe(true);
    expect(assignor.roleState()).toMatchObject({ designation: 'active', activeMemberId: 'm-1', activeName: null, generationId: 2 });
    assignor.onAssignment({ partitions: [], userData: common }, metadata(3));
    expect(assignor.roleState()).toMatchObject({ role: 'standby', designation: 'standby', activeMemberId: null });
    expect(reasons()).toEqual(['standby->active elected', 'active->standby reassigned']);
  });

  it('still fences itself when its lease ends, whatever designated it', () => {
    const { assignor, clock, reasons } = member();
    const metadata = { memberId: 'm-1', generationId: 1, sessionTimeoutMs: SESSION_TIMEOUT, requestSentAt: clock.now() };
    assignor.onAssignment({ partitions: [{ topic: 'orders', partitions: [0] }], userData: encodePartitionsDesignateRecord() }, metadata);
    clock.advance(LEASE);
    expect(assignor.isActive()).toBe(false);
    expect(reasons()).toEqual(['standby->active elected', 'active->standby session-lost']);
  });

  it('never reports active on an assignment the broker chose (a KIP-848 consumer group), and says so', () => {
    const { assignor, assigned, clock, logger, reasons } = member();
    assigned('active', 'elected', 'm-1', 1);
    // Even a well-formed role record does not count when no leader assigned: it cannot be ours.
    assignor.onAssignment(roleAssignment('active', 'kept'), {
      memberId: 'm-1',
      generationId: 2,
      sessionTimeoutMs: SESSION_TIMEOUT,
      requestSentAt: clock.now(),
      assignedByBroker: true,
    });
    expect(assignor.isActive()).toBe(false);
    expect(assignor.roleState()).toMatchObject({ role: 'standby', designation: 'standby', generationId: 2 });
    expect(reasons()).toEqual(['standby->active elected', 'active->standby reassigned']);
    assignor.onHeartbeat({ memberId: 'm-1', generationId: 2, sessionTimeoutMs: SESSION_TIMEOUT, requestSentAt: clock.now() });
    expect(assignor.isActive()).toBe(false);
    const errors = logger.entries.filter(({ level }) => level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/broker assigned this rebalance with its own assignor.*KIP-848.*holding 2 partitions/);
    expect(errors[0]?.extra).toEqual({ memberId: 'm-1', generationId: 2 });
  });
});

describe('self-fencing', () => {
  it('reports standby (session lost) once no heartbeat was accepted for a session timeout, without being asked', () => {
    const { assignor, assigned, clock, reasons } = member();
    assigned('active', 'elected', 'm-1', 1);
    clock.advance(4_000);
    assignor.onHeartbeat({ memberId: 'm-1', generationId: 1, sessionTimeoutMs: SESSION_TIMEOUT, requestSentAt: clock.now() });
    clock.advance(LEASE - 1);
    expect(reasons()).toEqual(['standby->active elected']);
    clock.advance(1);
    expect(reasons()).toEqual(['standby->active elected', 'active->standby session-lost']);
    expect(assignor.roleState()).toMatchObject({ role: 'standby', designation: 'active' });
    expect(clock.pendingTimers).toBe(0);
  });

  it('knows it at once when asked, even if the timer has not fired (a paused event loop)', () => {
    const clock = new ManualClock();
    const frozen = { now: () => clock.now(), schedule: () => () => undefined };
    const assignor = activeStandbyAssignor({ clock: frozen, logger: recordingLogger() });
    const reasons: string[] = [];
    assignor.on('roleChange', ({ reason }) => void reasons.push(reason));
    assignor.onAssignment(roleAssignment('active', 'elected'), { memberId: 'm-1', generationId: 1, sessionTimeoutMs: SESSION_TIMEOUT, requestSentAt: clock.now() });
    clock.advance(SESSION_TIMEOUT);
    expect(reasons).toEqual(['elected']);
    expect(assignor.isActive()).toBe(false);
    expect(reasons).toEqual(['elected', 'session-lost']);
  });

  it('ignores heartbeats of another member id or generation', () => {
    const { assignor, assigned, clock, reasons } = member();
    assigned('active', 'elected', 'm-1', 2);
    clock.advance(5_000);
    assignor.onHeartbeat({ memberId: 'm-1', generationId: 1, sessionTimeoutMs: SESSION_TIMEOUT, requestSentAt: clock.now() });
    assignor.onHeartbeat({ memberId: 'm-0', generationId: 2, sessionTimeoutMs: SESSION_TIMEOUT, requestSentAt: clock.now() });
    clock.advance(5_000);
    expect(reasons()).toEqual(['standby->active elected', 'active->standby session-lost']);
  });

  it('regains the role when the coordinator accepts a heartbeat of the same member and generation after all', () => {
    const { assignor, assigned, clock, reasons } = member();
    assigned('active', 'elected', 'm-1', 1);
    clock.advance(SESSION_TIMEOUT);
    assignor.onHeartbeat({ memberId: 'm-1', generationId: 1, sessionTimeoutMs: SESSION_TIMEOUT, requestSentAt: clock.now() });
    expect(assignor.isActive()).toBe(true);
    clock.advance(SESSION_TIMEOUT);
    assigned('active', 'kept', 'm-1', 2);
    expect(reasons()).toEqual([
      'standby->active elected',
      'active->standby session-lost',
      'standby->active session-regained',
      'active->standby session-lost',
      'standby->active session-regained',
    ]);
  });

  it('keeps no timer while standby, and none where no session timeout is known', () => {
    const { assignor, assigned, clock } = member();
    assigned('standby', 'elected', 'm-2', 1);
    expect(clock.pendingTimers).toBe(0);
    assigned('active', 'failover', 'm-2', 2, 'm-2');
    expect(clock.pendingTimers).toBe(1);
    assigned('standby', 'preempted', 'm-2', 3, 'm-3');
    expect(clock.pendingTimers).toBe(0);
    assignor.onAssignment(roleAssignment('active', 'failover', 'm-2'), { memberId: 'm-2', generationId: 4 });
    clock.advance(10 * SESSION_TIMEOUT);
    expect([assignor.isActive(), clock.pendingTimers]).toEqual([true, 0]);
  });

  it('schedules with an unreferenced timer on the system clock, so that it never keeps the process alive', () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    try {
      const cancel = systemClock.schedule(() => undefined, 60_000);
      const timer = setTimeoutSpy.mock.results[0]?.value as NodeJS.Timeout;
      expect(timer.hasRef()).toBe(false);
      cancel();
    } finally {
      setTimeoutSpy.mockRestore();
    }
  });
});

describe('listeners', () => {
  it('never let a listener that throws or rejects break the consumer, and log it', async () => {
    const { assignor, assigned, logger, changes } = member();
    assignor.on('roleChange', () => {
      throw new Error('boom');
    });
    assignor.on('roleChange', () => Promise.reject(new Error('async boom')));
    const late: string[] = [];
    assignor.on('roleChange', ({ reason }) => void late.push(reason));
    expect(() => assigned('active', 'elected')).not.toThrow();
    await Promise.resolve();
    expect([changes.length, late]).toEqual([1, ['elected']]);
    expect(logger.entries.filter(({ level }) => level === 'error').map(({ extra }) => extra)).toEqual([
      { error: 'boom', role: 'active', reason: 'elected', memberId: 'm-1' },
      { error: 'async boom', role: 'active', reason: 'elected', memberId: 'm-1' },
    ]);
  });

  it('keep working when the assignor is spread into a decorator, as test harnesses do', () => {
    const { assignor, reasons } = member();
    const decorated = { ...assignor };
    decorated.on('roleChange', () => undefined);
    decorated.subscriptionUserData({ memberId: null, generationId: -1, assignment: [], topics: ['orders'] });
    decorated.onAssignment(roleAssignment('active', 'elected'), { memberId: 'm-1', generationId: 1 });
    expect([reasons(), assignor.isActive(), decorated.isActive()]).toEqual([['standby->active elected'], true, true]);
  });

  it('can be removed, and only roleChange exists', () => {
    const { assignor, assigned } = member();
    const calls: string[] = [];
    const listener = ({ reason }: RoleChange) => void calls.push(reason);
    assignor.on('roleChange', listener).off('roleChange', listener);
    assigned('active', 'elected');
    expect(calls).toEqual([]);
    expect(() => assignor.on('role' as 'roleChange', listener)).toThrow(/emit "roleChange" only, not "role"/);
  });
});

describe('the claim a member sends', () => {
  it('claims the active role only for the rebalance it held it in', () => {
    const { assignor, assigned } = member({ priority: 3, name: 'pod-0', preempt: true });
    assigned('active', 'elected', 'm-1', 5);
    const held = [{ topic: 'orders', partitions: [0, 1] }];
    expect(decodeMemberUserData(assignor.subscriptionUserData({ memberId: 'm-1', generationId: 5, assignment: held, topics: ['orders'] }))).toEqual({
      version: 1,
      eligible: true,
      preempt: true,
      priority: 3,
      name: 'pod-0',
      lastRebalance: { memberId: 'm-1', generationId: 5 },
      claimsActive: true,
      knewActive: true,
      heldTopics: ['orders'],
    });
    const otherProtocolsRebalance = { memberId: 'm-1', generationId: 6, assignment: held, topics: ['orders'] };
    expect(decodeMemberUserData(assignor.subscriptionUserData(otherProtocolsRebalance))).toMatchObject({ claimsActive: false, knewActive: false });
  });

  it('joins as not eligible when its eligible function throws, and logs it', () => {
    const { assignor, logger } = member({
      eligible: () => {
        throw new Error('health check failed');
      },
    });
    const userData = assignor.subscriptionUserData({ memberId: null, generationId: -1, assignment: [], topics: ['orders'] });
    expect(decodeMemberUserData(userData).eligible).toBe(false);
    expect(logger.entries).toEqual([
      { level: 'error', message: 'The eligible option threw; this member joins as not eligible', extra: { error: 'health check failed' } },
    ]);
  });
});
