import type { WriteOutcome } from './fencing-sink.js';
import type { SideEffect } from './run-record.js';

const DEFAULT_TIMEOUT_MS = 5_000;

export interface WriteEffectOptions {
  /** How long to wait for the sink's answer, body included; 5000 ms when omitted. */
  readonly timeoutMs?: number;
}

/**
 * Sends one side effect to the fencing sink at `url` (a `FencingSink`'s `url`), from a pod. Node's fetch keeps
 * its connections alive and reuses them, so a pod's stream of effects does not open a connection each.
 * Rejects when the sink cannot be reached, answers anything but 200 or 409, or takes longer than the timeout;
 * after a timeout the effect may or may not have been applied.
 */
export async function writeEffect(url: string, effect: SideEffect, options: WriteEffectOptions = {}): Promise<WriteOutcome> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { resource, token, key, pod, issuedAt } = effect;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ resource, token, key, pod, issuedAt }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text();
    if (response.status === 200) return { accepted: true };
    if (response.status === 409) return { accepted: false, highest: highestIn(body) };
    throw new Error(`the fencing sink at ${url} answered ${response.status}: ${body.trim()}`);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      throw new Error(`the fencing sink at ${url} did not answer within ${timeoutMs} ms; the effect may have been applied`, {
        cause: error,
      });
    }
    throw error;
  }
}

function highestIn(refusal: string): number {
  const { highest } = JSON.parse(refusal) as { highest?: unknown };
  if (typeof highest !== 'number') throw new Error(`the fencing sink refused a write without saying the highest token: ${refusal}`);
  return highest;
}
