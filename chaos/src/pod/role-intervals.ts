import type { ActiveInterval } from '../run-record.js';
import type { ChaosPodEvent } from './pod-event.js';

/**
 * A pod's active intervals from its events. An interval ends at the change to standby, and never later than
 * the lease the pod last knew: a pod that was frozen reports the change only when it wakes, but it stopped
 * being allowed to act when its lease ended. One that never reported the end (it was killed, or the run
 * ended) is closed at its last known lease end when that comes before `closedBy` (its death or the run's end).
 */
export function roleIntervals(pod: string, events: readonly ChaosPodEvent[], closedBy: number): ActiveInterval[] {
  const intervals: ActiveInterval[] = [];
  let open: { start: number; token: number } | null = null;
  let lease: number | null = null;
  const close = (at: number): void => {
    if (open === null) return;
    intervals.push({ pod, start: open.start, end: lease === null ? at : Math.min(at, lease), token: open.token });
    open = null;
  };
  for (const event of events) {
    if (event.event === 'lease') lease = event.leaseExpiresAt;
    if (event.event !== 'role') continue;
    lease = event.leaseExpiresAt;
    if (event.role === 'active' && open === null) open = { start: event.at, token: event.generationId };
    else if (event.role === 'standby') close(event.at);
  }
  close(closedBy);
  return intervals;
}
