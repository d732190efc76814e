/**
 * Where a member reads the time and schedules its session check. Injectable, so that tests drive time
 * themselves instead of sleeping.
 */
export interface Clock {
  /** Milliseconds since an arbitrary origin; never goes back. */
  now(): number;
  /** Calls `callback` once, `delayMs` from now, without keeping the process alive; returns a function that cancels it. */
  schedule(callback: () => void, delayMs: number): () => void;
}

/** The monotonic clock of the process (`performance.now()`), so that wall-clock adjustments cannot fence or unfence a member. */
export const systemClock: Clock = {
  now: () => performance.now(),
  schedule(callback, delayMs) {
    const timer = setTimeout(callback, delayMs);
    timer.unref();
    return () => clearTimeout(timer);
  },
};
