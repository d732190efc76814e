import type { Measurement } from '../measurement.js';

/** What a worker process sends its parent over IPC. */
export type WorkerMessage =
  | { readonly kind: 'assignors'; readonly available: readonly string[]; readonly skipped: readonly { readonly assignor: string; readonly reason: string }[] }
  | { readonly kind: 'measurement'; readonly measurement: Measurement }
  | { readonly kind: 'peak-memory'; readonly peakMemory: PeakMemory };

/** Memory of a process that loaded the largest scenario, built the group, then assigned and encoded once. */
export interface PeakMemory {
  readonly assignor: string;
  /** Resident set size after loading the scenario and building the group, before assigning. */
  readonly rssBeforeBytes: number;
  /** Peak resident set size while assigning and encoding (or, where that cannot be told apart, since the process started). */
  readonly peakRssBytes: number;
  /** Whether `peakRssBytes` covers assigning and encoding only (Linux), not the loading of the scenario before it. */
  readonly peakOfAssignOnly: boolean;
  readonly heapUsedBeforeBytes: number;
  /** V8 heap in use right after assigning and encoding, before any collection: the result and the garbage left. */
  readonly heapUsedAfterBytes: number;
}
