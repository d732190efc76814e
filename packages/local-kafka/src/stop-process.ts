import type { ChildProcess } from 'node:child_process';
import type { ExitStatus } from './child-exit.js';

/** SIGTERM for a clean shutdown; SIGKILL if the process has not exited after `graceMs`. */
export async function stopProcess(child: ChildProcess, exit: Promise<ExitStatus>, graceMs: number): Promise<ExitStatus> {
  if (child.exitCode !== null || child.signalCode !== null) return exit;
  child.kill('SIGTERM');
  const escalation = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    return await exit;
  } finally {
    clearTimeout(escalation);
  }
}
