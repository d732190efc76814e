import { ClusterError } from '../connection/cluster-error.js';
import type { GroupDescription } from './group-description.js';
import { watchLine, type WatchFormat, type WatchObservation } from './watch-line.js';
import { watchedState, watchedStateChanged } from './watched-state.js';

/** What the watch needs of the world, so that a test can run it without a broker or time passing. */
export interface WatchSurroundings {
  /** Describes the group once; a ClusterError says the cluster did not answer. */
  describe(): Promise<GroupDescription>;
  /** Waits `ms`, or less when `signal` aborts first. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** The wall-clock time lines are stamped with. */
  now(): Date;
  write(line: string): void;
  /** Aborted to end the watch (Ctrl-C). */
  readonly signal: AbortSignal;
}

export interface WatchSettings {
  readonly intervalMs: number;
  readonly format: WatchFormat;
}

/**
 * `describe --watch`: describes the group every `intervalMs`, until `signal` aborts, writing a line with the
 * first state and each later change of the active member, the protocol or the members. A cluster that stops
 * answering gets one line (another when the problem changes) and the watch polls on; the next answer is
 * printed whatever it is. The first description must succeed: its ClusterError is thrown, as by describe.
 */
export async function watchGroup(surroundings: WatchSurroundings, { intervalMs, format }: WatchSettings): Promise<void> {
  const { signal } = surroundings;
  const write = (observation: WatchObservation) => surroundings.write(watchLine(surroundings.now(), observation, format));
  let printed = watchedState(await surroundings.describe());
  write({ kind: 'state', state: printed });
  let problem: string | null = null;
  while (!signal.aborted) {
    await surroundings.sleep(intervalMs, signal);
    if (signal.aborted) break;
    try {
      const state = watchedState(await surroundings.describe());
      if (signal.aborted) break;
      if (problem !== null || watchedStateChanged(printed, state)) write({ kind: 'state', state });
      printed = state;
      problem = null;
    } catch (error) {
      if (!(error instanceof ClusterError)) throw error;
      if (signal.aborted) break;
      if (error.message !== problem) write({ kind: 'no-answer', problem: error.message });
      problem = error.message;
    }
  }
}
