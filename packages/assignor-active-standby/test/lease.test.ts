import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeStandbyAssignor, encodeRoleRecord, type RoleChange } from '@kafka-assignors/assignor-active-standby';
import { ManualClock } from '@kafka-assignors/core/testing';
import { recordingLogger } from './support/recording-logger.js';

const SESSION_TIMEOUT = 10_000;
const MARGIN = 100;
const ACTIVE = {
  partitions: [{ topic: 'orders', partitions: [0, 1] }],
  userData: encodeRoleRecord({ designation: 'active', reason: 'failover', activeMemberId: 'm-1', activeName: null }),
};

function activeMember(leaseMarginMs = MARGIN) {
  const clock = new ManualClock();
  const assignor = activeStandbyAssignor({ clock, leaseMarginMs, logger: recordingLogger() });
  const changes: RoleChange[] = [];
  assignor.on('roleChange', (change) => void changes.push(change));
  const reasons = () => changes.map(({ previousRole, role, reason }) => `${previousRole}->${role} ${reason}`);
  const heartbeatAnswered = (requestSentAt: number) =>
    assignor.onHeartbeat({ memberId: 'm-1', generationId: 1, sessionTimeoutMs: SESSION_TIMEOUT, requestSentAt });
  return { assignor, clock, reasons, heartbeatAnswered };
}

describe('the lease counts from when the confirmed request was sent', () => {
  it('ends a session timeout less the margin after the JoinGroup went out, however late the rebalance completed', () => {
    const { assignor, clock, reasons } = activeMember();
    clock.advance(3_000);
    assignor.onAssignment(ACTIVE, { memberId: 'm-1', generationId: 1, sessionTimeoutMs: SESSION_TIMEOUT, requestSentAt: 0 });
    expect(assignor.roleState().leaseExpiresAt).toBe(SESSION_TIMEOUT - MARGIN);
    clock.advance(SESSION_TIMEOUT - MARGIN - 3_000 - 1);
    expect(assignor.isActive()).toBe(true);
    clock.advance(1);
    expect(assignor.isActive()).toBe(false);
    expect(reasons()).toEqual(['standby->active failover', 'active->standby session-lost']);
  });

  it('ends from the heartbeat send time, not from when its answer was read', () => {
    const { assignor, clock, heartbeatAnswered } = activeMember();
    assignor.onAssignment(ACTIVE, { memberId: 'm-1', generationId: 1, sessionTimeoutMs: SESSION_TIMEOUT, requestSentAt: 0 });
    clock.advance(5_000);
    heartbeatAnswered(1_000);
    expect(assignor.roleState().leaseExpiresAt).toBe(1_000 + SESSION_TIMEOUT - MARGIN);
    clock.advance(SESSION_TIMEOUT - MARGIN - 4_000);
    expect(assignor.isActive()).toBe(false);
  });

  it('keeps a member standby when a heartbeat answer is read after its lease ended: the stalled process case', () => {
    const { assignor, clock, reasons, heartbeatAnswered } = activeMember();
    assignor.onAssignment(ACTIVE, { memberId: 'm-1', generationId: 1, sessionTimeoutMs: SESSION_TIMEOUT, requestSentAt: 0 });
    // A heartbeat goes out at 1 s; the process stalls while its answer sits in the socket; the coordinator
    // expires the member at 11 s and a successor takes over. The process wakes at 13 s: its lease timer
    // fires first, then the stale answer is read.
    clock.advance(13_000);
    expect(reasons()).toEqual(['standby->active failover', 'active->standby session-lost']);
    heartbeatAnswered(1_000);
    expect(assignor.isActive()).toBe(false);
    expect(assignor.roleState()).toMatchObject({ role: 'standby', designation: 'active', leaseExpiresAt: SESSION_TIMEOUT - MARGIN });
    expect(reasons()).toEqual(['standby->active failover', 'active->standby session-lost']);
  });

  it('makes a member active only once a fresh confirmation arrives, when its rebalance completed after the lease', () => {
    const { assignor, clock, reasons, heartbeatAnswered } = activeMember();
    clock.advance(SESSION_TIMEOUT + 2_000);
    assignor.onAssignment(ACTIVE, { memberId: 'm-1', generationId: 1, sessionTimeoutMs: SESSION_TIMEOUT, requestSentAt: 0 });
    expect([assignor.isActive(), reasons()]).toEqual([false, []]);
    heartbeatAnswered(clock.now());
    expect([assignor.isActive(), reasons()]).toEqual([true, ['standby->active failover']]);
  });

  it('regains the role on a fresh confirmation of the same member and generation, after it fenced itself', () => {
    const { assignor, clock, reasons, heartbeatAnswered } = activeMember();
    assignor.onAssignment(ACTIVE, { memberId: 'm-1', generationId: 1, sessionTimeoutMs: SESSION_TIMEOUT, requestSentAt: 0 });
    clock.advance(SESSION_TIMEOUT);
    heartbeatAnswered(clock.now() - 50);
    expect(reasons()).toEqual(['standby->active failover', 'active->standby session-lost', 'standby->active session-regained']);
  });

  it('never shortens the lease with an answer to an older request', () => {
    const { assignor, clock, heartbeatAnswered } = activeMember();
    assignor.onAssignment(ACTIVE, { memberId: 'm-1', generationId: 1, sessionTimeoutMs: SESSION_TIMEOUT, requestSentAt: 0 });
    clock.advance(3_000);
    heartbeatAnswered(3_000);
    heartbeatAnswered(2_000);
    expect(assignor.roleState().leaseExpiresAt).toBe(3_000 + SESSION_TIMEOUT - MARGIN);
  });

  it('refuses a session timeout reported without the send time it counts from', () => {
    const { assignor } = activeMember();
    expect(() => assignor.onAssignment(ACTIVE, { memberId: 'm-1', generationId: 1, sessionTimeoutMs: SESSION_TIMEOUT })).toThrow(
      /must report requestSentAt/,
    );
  });
});

/**
 * One member against a model of the classic group coordinator: the member sends a heartbeat, which reaches
 * the coordinator after a network delay; the coordinator accepts it if the member's session has not expired
 * and restarts the session from the arrival; the answer travels back and is read after a further stall of
 * the member's process (GC pause, SIGSTOP, a blocked event loop). The coordinator's clock may run up to
 * 0.5% fast or slow against the member's. Once the session expires the coordinator removes the member, and a
 * successor may be active from that instant on.
 */
const exchange = fc.record({
  /** From reading the last answer (or completing the rebalance) to sending the next heartbeat. */
  gap: fc.integer({ min: 0, max: 12_000 }),
  toCoordinator: fc.integer({ min: 0, max: 4_000 }),
  fromCoordinator: fc.integer({ min: 0, max: 4_000 }),
  stall: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 20_000 })),
});

describe('the lease never outlives the coordinator\'s session', () => {
  it('on any interleaving of send, arrival, answer and processing delays, and clock rates within 0.5%', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000 }),
        fc.integer({ min: 0, max: 15_000 }),
        fc.double({ min: 0.995, max: 1.005, noNaN: true }),
        fc.array(exchange, { minLength: 1, maxLength: 12 }),
        (joinCompletes, syncRead, coordinatorRate, exchanges) => {
          const { assignor, clock } = activeMember();
          // The coordinator's session deadline, in the member's time.
          let expiresAt = joinCompletes + SESSION_TIMEOUT / coordinatorRate;
          const activeOnlyWithinSession = (): void => {
            if (assignor.isActive()) expect(clock.now()).toBeLessThan(expiresAt);
          };
          assignor.on('roleChange', ({ role }) => {
            if (role === 'active') expect(clock.now()).toBeLessThan(expiresAt);
          });
          clock.advance(joinCompletes + syncRead);
          assignor.onAssignment(ACTIVE, { memberId: 'm-1', generationId: 1, sessionTimeoutMs: SESSION_TIMEOUT, requestSentAt: 0 });
          activeOnlyWithinSession();
          for (const { gap, toCoordinator, fromCoordinator, stall } of exchanges) {
            clock.advance(gap);
            activeOnlyWithinSession();
            const sentAt = clock.now();
            const arrival = sentAt + toCoordinator;
            const accepted = arrival < expiresAt;
            if (!accepted) {
              // Expired: every later heartbeat is refused, and nothing makes the member active again.
              clock.advance(toCoordinator + fromCoordinator + stall);
              activeOnlyWithinSession();
              return;
            }
            expiresAt = arrival + SESSION_TIMEOUT / coordinatorRate;
            clock.advance(toCoordinator + fromCoordinator + stall);
            activeOnlyWithinSession();
            assignor.onHeartbeat({ memberId: 'm-1', generationId: 1, sessionTimeoutMs: SESSION_TIMEOUT, requestSentAt: sentAt });
            activeOnlyWithinSession();
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
