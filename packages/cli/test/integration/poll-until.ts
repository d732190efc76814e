import { setTimeout as delay } from 'node:timers/promises';

/**
 * Asks `probe` every `intervalMs` until it finds something (anything but undefined) and resolves with it; fails
 * with what was awaited once `timeoutMs` has passed. For states only polling can see: another process's HTTP
 * answers, files it writes.
 */
export async function pollUntil<T>(probe: () => Promise<T | undefined> | T | undefined, description: () => string, timeoutMs: number, intervalMs = 20): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (performance.now() > deadline) throw new Error(`waited ${timeoutMs} ms for: ${description()}`);
    await delay(intervalMs);
  }
}
