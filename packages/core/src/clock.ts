/**
 * Where a member reads the time and schedules its lease checks. Injectable, so that tests drive time
 * themselves instead of sleeping.
 */
export interface Clock {
  /** Milliseconds since an arbitrary origin; never goes back. */
  now(): number;
  /** Calls `callback` once, `delayMs` from now, without keeping the process alive; returns a function that cancels it. */
  schedule(callback: () => void, delayMs: number): () => void;
}

/**
 * The machine's monotonic clock (`process.hrtime`, CLOCK_MONOTONIC on Linux), in milliseconds: wall-clock
 * adjustments cannot end or extend a lease, and every process on one machine reads the same time, so role
 * intervals recorded by several processes can be compared.
 */
export const systemClock: Clock = {
  now: () => Number(process.hrtime.bigint()) / 1e6,
  schedule(callback, delayMs) {
    const timer = setTimeout(callback, delayMs);
    timer.unref();
    return () => clearTimeout(timer);
  },
};
