import type { ActiveStandbyLogger } from '@kafka-assignors/assignor-active-standby';

export interface LogEntry {
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
  readonly extra: object | undefined;
}

/** A logger that keeps what it is given, for tests to inspect, and prints nothing. */
export function recordingLogger(): ActiveStandbyLogger & { readonly entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const record = (level: LogEntry['level']) => (message: string, extra?: object) => entries.push({ level, message, extra });
  return { entries, info: record('info'), warn: record('warn'), error: record('error') };
}

export const silentLogger: ActiveStandbyLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
