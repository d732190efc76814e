import { DeadlineError } from './deadline-error.js';
import type { Implementation } from './implementation.js';

/** How good one result is, whatever the time it took. */
export interface Quality {
  /** `validateAssignment` found nothing (for eager assignors, also no partition left unassigned). */
  readonly valid: boolean;
  readonly violationCount: number;
  /** The first few violations, as `validateAssignment` words them. */
  readonly violations: readonly string[];
  /** Most partitions of a member minus fewest, over every member of the group. */
  readonly spread: number;
  /** Partitions that a member owned before this round and does not get back; null for a fresh group. */
  readonly moved: number | null;
  /** Partitions of subscribed topics that nobody got (a cooperative assignor withholds those changing owner). */
  readonly unassigned: number;
}

/** One implementation's assignor on one scenario: the median time of its timed runs and the quality of its result. */
export type Measurement =
  | {
      readonly scenario: string;
      readonly implementation: Implementation;
      readonly assignor: string;
      readonly medianMs: number;
      /**
       * Ours only: the median of `assign` alone, without encoding, to compare with the peers that time their
       * assignment step alone (the Java client, franz-go); `medianMs` is assign plus encoding, as KafkaJS' is.
       */
      readonly assignOnlyMedianMs?: number;
      /** How many timed samples the median is of (for benny, samples of one or more calls each). */
      readonly samples: number;
      readonly quality: Quality;
    }
  | {
      readonly scenario: string;
      readonly implementation: Implementation;
      readonly assignor: string;
      readonly error: string;
      /** Set when the measurement was stopped at its deadline: it took longer than this. */
      readonly deadlineMs?: number;
    };

/** The measurement of an assignor that failed, or was stopped at its deadline. */
export function failedMeasurement(scenario: string, implementation: Implementation, assignor: string, error: unknown): Measurement {
  const failed = { scenario, implementation, assignor, error: error instanceof Error ? error.message : String(error) };
  return error instanceof DeadlineError ? { ...failed, error: error.message, deadlineMs: error.deadlineMs } : failed;
}
