import type { ChildProcess } from 'node:child_process';

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Set when the process could not be started or signalled. */
  readonly error?: Error;
}

/**
 * How `child` ends, once its output pipes are drained too. Call it right after spawn, so an early end is not
 * missed.
 */
export function childExit(child: ChildProcess): Promise<ExitStatus> {
  return new Promise((resolve) => {
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => resolve({ code, signal }));
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
  });
}

export function describeExit({ code, signal, error }: ExitStatus): string {
  if (error) return `failed: ${error.message}`;
  return signal === null ? `exited with code ${String(code)}` : `was killed by ${signal}`;
}
