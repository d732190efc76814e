/**
 * What a fault proxy does to the bytes between a pod and one broker node:
 * - `pass`: forwards them both ways;
 * - `cut`: resets every connection, open or new, as a crashed port or a firewall REJECT would;
 * - `hold`: forwards nothing either way and keeps every byte for later, as a network partition does;
 * - `{ delay }`: forwards each chunk `delay` ms after it arrived, in order, both ways.
 */
export type FaultMode = 'pass' | 'cut' | 'hold' | { readonly delay: number };

// setTimeout turns anything longer into 1 ms.
const LONGEST_DELAY_MS = 2 ** 31 - 1;

/** `mode` as the proxy keeps it: a delay is copied, so the caller's object can change without effect. */
export function checkedMode(mode: FaultMode): FaultMode {
  if (typeof mode === 'string') return mode;
  const { delay } = mode;
  if (!Number.isFinite(delay) || delay < 0 || delay > LONGEST_DELAY_MS) {
    throw new RangeError(`a fault proxy delay must be from 0 to ${LONGEST_DELAY_MS} ms, got ${delay}`);
  }
  return { delay };
}

export function forwardsBytes(mode: FaultMode): boolean {
  return mode === 'pass' || typeof mode === 'object';
}

export function delayOf(mode: FaultMode): number {
  return typeof mode === 'object' ? mode.delay : 0;
}
