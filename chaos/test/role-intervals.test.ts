import { describe, expect, it } from 'vitest';
import type { ChaosPodEvent } from '../src/pod/pod-event.js';
import { roleIntervals } from '../src/pod/role-intervals.js';

const active = (at: number, generationId: number, leaseExpiresAt: number): ChaosPodEvent => ({
  event: 'role',
  role: 'active',
  reason: 'elected',
  generationId,
  at,
  leaseExpiresAt,
});
const standby = (at: number, leaseExpiresAt: number): ChaosPodEvent => ({
  event: 'role',
  role: 'standby',
  reason: 'session-lost',
  generationId: 1,
  at,
  leaseExpiresAt,
});

describe('a pod\'s active intervals from its events', () => {
  it('ends an interval at the change to standby, or at the lease when a frozen pod reported the change late', () => {
    const events = [active(100, 3, 6_000), { event: 'lease', leaseExpiresAt: 7_000 } as const, standby(9_500, 7_000), active(20_000, 5, 26_000), standby(21_000, 26_000)];
    expect(roleIntervals('pod-0', events, 30_000)).toEqual([
      { pod: 'pod-0', start: 100, end: 7_000, token: 3 },
      { pod: 'pod-0', start: 20_000, end: 21_000, token: 5 },
    ]);
  });

  it('closes an interval left open at the death or the end of the run, or at the last lease the pod reported if earlier', () => {
    expect(roleIntervals('pod-1', [active(100, 2, 6_000), { event: 'lease', leaseExpiresAt: 8_000 }], 7_500)).toEqual([
      { pod: 'pod-1', start: 100, end: 7_500, token: 2 },
    ]);
    expect(roleIntervals('pod-1', [active(100, 2, 6_000)], 9_000)).toEqual([{ pod: 'pod-1', start: 100, end: 6_000, token: 2 }]);
  });

  it('has none for a pod that was never active', () => {
    expect(roleIntervals('pod-2', [{ event: 'ready', pid: 1 }, standby(50, 100)], 1_000)).toEqual([]);
  });
});
