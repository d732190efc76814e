import type { Grid } from './grids.js';
import type { MachineInfo } from './machine-info.js';
import type { Measurement } from './measurement.js';
import type { Skip } from './peers/peer.js';
import type { ScenarioSpec } from './scenario-spec.js';
import type { PeakMemory } from './workers/worker-message.js';

/** Everything a run measured, as bench/results/GRID.json keeps it. */
export interface BenchResults {
  readonly grid: Pick<Grid, 'name' | 'command' | 'description' | 'seed' | 'plan' | 'deadlineMs' | 'chartVariant'>;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationSeconds: number;
  readonly machine: MachineInfo;
  /** 1, 5 and 15 minute load averages at the start and the end: the machine is shared, and this says how much. */
  readonly loadAverage: { readonly start: readonly number[]; readonly end: readonly number[] };
  /** What each implementation ran, e.g. `kafka-clients`, `franz-go`, `kafkajs`, `java`, `go`. */
  readonly versions: Readonly<Record<string, string>>;
  readonly skipped: readonly Skip[];
  readonly scenarios: readonly (ScenarioSpec & { readonly id: string; readonly partitions: number })[];
  readonly measurements: readonly Measurement[];
  readonly peakMemory: { readonly scenario: string; readonly assignors: readonly PeakMemory[] } | null;
}
