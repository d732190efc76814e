import type { ChildProcessByStdio } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { childExit, describeExit, type ExitStatus } from './child-exit.js';
import { stopProcess } from './stop-process.js';

/** A child process that reports what happens to it as one JSON event per line on standard output. */
export interface EventStreamProcess<E> {
  /** Every event so far, oldest first. */
  readonly events: readonly E[];
  /** How the process ended, once it has. */
  readonly exit: Promise<ExitStatus>;
  /**
   * The first event, already seen or still to come, that satisfies `predicate`. Rejects when `timeoutMs` passes
   * or the process ends first, listing the events seen.
   */
  waitFor<F extends E>(predicate: (event: E) => event is F, timeoutMs?: number): Promise<F>;
  waitFor(predicate: (event: E) => boolean, timeoutMs?: number): Promise<E>;
  /** Calls `listener` with every event: at once with those seen so far, then with each as it comes. */
  onEvent(listener: (event: E) => void): void;
  /** SIGTERM for a clean shutdown; SIGKILL after a grace period. Idempotent. */
  stop(): Promise<ExitStatus>;
}

interface Waiter<E> {
  readonly predicate: (event: E) => boolean;
  readonly resolve: (event: E) => void;
  readonly reject: (error: Error) => void;
}

const DEFAULT_WAIT_MS = 30_000;
const STDERR_KEPT_CHARS = 4000;

/**
 * Follows `child`'s event lines (read with `parse`, which throws on a line it does not understand), keeping the
 * tail of its standard error for the messages of failures. `label` names the process in those messages.
 */
export function followEventStream<E>(
  child: ChildProcessByStdio<Writable | null, Readable, Readable>,
  label: string,
  parse: (line: string) => E,
  stopGraceMs: number,
): EventStreamProcess<E> {
  const exit = childExit(child);
  const events: E[] = [];
  const waiters = new Set<Waiter<E>>();
  const listeners = new Set<(event: E) => void>();
  let stderr = '';
  let failure: Error | undefined;
  const diagnostics = (): string =>
    `\nevents so far:\n${events.map((event) => JSON.stringify(event)).join('\n') || '(none)'}` +
    (stderr === '' ? '' : `\nstandard error:\n${stderr}`);
  const fail = (error: Error): void => {
    failure ??= error;
    for (const waiter of waiters) waiter.reject(failure);
    waiters.clear();
  };

  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEPT_CHARS);
  });
  createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
    let event: E;
    try {
      event = parse(line);
    } catch (error) {
      fail(new Error(`${label} wrote unexpected output: ${(error as Error).message}${diagnostics()}`));
      return;
    }
    events.push(event);
    for (const listener of listeners) listener(event);
    for (const waiter of waiters) {
      if (waiter.predicate(event)) {
        waiters.delete(waiter);
        waiter.resolve(event);
      }
    }
  });
  void exit.then((status) => fail(new Error(`${label} ${describeExit(status)}${diagnostics()}`)));

  const waitFor = (predicate: (event: E) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<E> => {
    const seen = events.find(predicate);
    if (seen !== undefined) return Promise.resolve(seen);
    if (failure !== undefined) return Promise.reject(failure);
    return new Promise<E>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`${label}: no matching event within ${timeoutMs} ms${diagnostics()}`));
      }, timeoutMs);
      const waiter: Waiter<E> = {
        predicate,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      waiters.add(waiter);
    });
  };

  const onEvent = (listener: (event: E) => void): void => {
    for (const event of events) listener(event);
    listeners.add(listener);
  };

  let stopped: Promise<ExitStatus> | undefined;
  return {
    events,
    exit,
    waitFor,
    onEvent,
    stop: () => (stopped ??= stopProcess(child, exit, stopGraceMs)),
  };
}
