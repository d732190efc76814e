import type { SinkWrite } from './run-record.js';

/** An active interval with its end known: the reported one, or the pod's death, or the run's end. */
export interface ClosedInterval {
  readonly pod: string;
  readonly start: number;
  readonly end: number;
  readonly token: number;
}

/** Two pods active at once. */
export interface Overlap {
  /** The one that started first (or, starting together, came first in the record). */
  readonly first: ClosedInterval;
  readonly second: ClosedInterval;
  readonly intersection: { readonly start: number; readonly end: number };
  readonly lengthMs: number;
}

/** An accepted side effect issued while another pod was active. */
export interface EffectDuringOtherActive {
  readonly write: SinkWrite;
  /** The other pods' intervals its `issuedAt` falls inside. */
  readonly others: readonly ClosedInterval[];
}

/** Exactly-one-active safety for one run: `ok` when none of the lists holds anything. */
export interface RunVerdict {
  readonly ok: boolean;
  readonly overlaps: readonly Overlap[];
  /** Accepted writes issued outside every interval of their own pod with their token. */
  readonly effectsOutsideInterval: readonly SinkWrite[];
  readonly effectsDuringOtherActive: readonly EffectDuringOtherActive[];
  /** Produced keys without an accepted write, in the order produced. */
  readonly lost: readonly string[];
  /** Redelivery after a failover repeats effects, so duplicates are counted, not failed. */
  readonly duplicates: {
    /** Accepted writes beyond the first of their key. */
    readonly writes: number;
    /** Keys with more than one accepted write. */
    readonly keys: number;
  };
  /** Writes the sink refused for a stale token. */
  readonly refused: number;
}
