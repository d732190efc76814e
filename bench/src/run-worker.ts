import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DeadlineError } from './deadline-error.js';
import type { WorkerMessage } from './workers/worker-message.js';

/** The bench package, from where `tsx` resolves. */
const benchDir = fileURLToPath(new URL('..', import.meta.url));
const STDERR_KEPT = 4000;

export type WorkerName = 'ours-worker' | 'kafkajs-worker' | 'peak-memory-worker';

/**
 * Runs one of src/workers in a child process of its own, so that each measurement has a fresh heap and JIT, from
 * TypeScript sources (tsx, and the `source` condition for the workspace packages, as in the tests). Resolves with
 * the messages it sent once it exits cleanly; rejects with the end of its standard error otherwise, or with a
 * `DeadlineError` when it had to be killed at its deadline.
 */
export interface WorkerOptions {
  readonly exposeGc?: boolean;
  /** Kills the worker if it has not finished by then. */
  readonly deadlineMs?: number;
  readonly onMessage?: (message: WorkerMessage) => void;
}

export function runWorker(worker: WorkerName, args: readonly string[], options: WorkerOptions = {}): Promise<WorkerMessage[]> {
  const child = fork(fileURLToPath(new URL(`workers/${worker}.ts`, import.meta.url)), [...args], {
    cwd: benchDir,
    execArgv: ['--conditions=kafka-assignors-source', '--import', 'tsx', ...(options.exposeGc === true ? ['--expose-gc'] : [])],
    // Standard output is benny's own report, which the results replace.
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const messages: WorkerMessage[] = [];
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-STDERR_KEPT)));
  child.on('message', (message: WorkerMessage) => {
    messages.push(message);
    options.onMessage?.(message);
  });
  let pastDeadline = false;
  const deadline =
    options.deadlineMs === undefined
      ? undefined
      : setTimeout(() => {
          pastDeadline = true;
          child.kill('SIGKILL');
        }, options.deadlineMs);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(deadline);
      if (pastDeadline && options.deadlineMs !== undefined) reject(new DeadlineError(options.deadlineMs));
      else if (code === 0) resolve(messages);
      else reject(new Error(`${worker} ${args.join(' ')} ${signal === null ? `exited with code ${String(code)}` : `was killed by ${signal}`}: ${stderr.trim()}`));
    });
  });
}
