/*
 * What one chaos run leaves behind, for the checker. Every time is in monotonic ms: milliseconds of the
 * machine's monotonic clock (`Number(process.hrtime.bigint()) / 1e6`, CLOCK_MONOTONIC), which every process on
 * one Linux machine reads alike, so times recorded by pods and by the orchestrator can be compared.
 */

/** A time a pod reported itself active, from its change to active to its change back. */
export interface ActiveInterval {
  readonly pod: string;
  readonly start: number;
  /** `null` when the pod never reported the end: it was still active when the run ended, or it died. */
  readonly end: number | null;
  /** The fencing token of the change to active: its generationId. */
  readonly token: number;
}

/** A side effect as a pod sends it to the fencing sink. */
export interface SideEffect {
  /** What the effect writes to; the sink keeps the highest token per resource. */
  readonly resource: string;
  readonly token: number;
  /** The message the effect is for: the key the producer sent. */
  readonly key: string;
  readonly pod: string;
  /** When the pod checked `isActive()` before the effect. */
  readonly issuedAt: number;
}

/** A side effect as the fencing sink received it, and whether it applied it. */
export interface SinkWrite extends SideEffect {
  readonly receivedAt: number;
  /** `false`: refused for a token below the highest the sink had seen for the resource, never applied. */
  readonly accepted: boolean;
}

/** A pod the orchestrator SIGKILLed. */
export interface PodDeath {
  readonly pod: string;
  readonly at: number;
}

export interface RunRecord {
  readonly intervals: readonly ActiveInterval[];
  /** In order of arrival at the sink. */
  readonly writes: readonly SinkWrite[];
  /** The keys the producer sent and had acknowledged. */
  readonly produced: readonly string[];
  /** A pod restarted under the same name can die more than once. */
  readonly deaths: readonly PodDeath[];
  readonly endedAt: number;
}
