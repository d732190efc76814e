import type { Scenario } from '@kafka-assignors/core/scenario';
import type { Implementation } from '../implementation.js';
import type { Measurement } from '../measurement.js';
import type { TimingPlan } from '../timing-plan.js';

/** A generated scenario, in memory and in the files every implementation reads. */
export interface ScenarioUnderTest {
  readonly id: string;
  readonly scenario: Scenario;
  /** The scenario format (JSON). */
  readonly jsonFile: string;
  /** The compact form the Java harness reads. */
  readonly compactFile: string;
}

export interface MeasureSettings {
  /** The peer's assignors to measure this time, in the peer's order. */
  readonly assignors: readonly string[];
  readonly plan: TimingPlan;
  /** The longest one assignor may take on one scenario, warm-up and timed runs together. */
  readonly deadlineMs: number;
}

/** One implementation, ready to measure its assignors on one scenario after another. */
export interface Peer {
  readonly implementation: Implementation;
  /** The assignors it measures on every scenario, by name. */
  readonly assignors: readonly string[];
  /** What it runs, e.g. `{ "kafka-clients": "3.9.1", "java": "OpenJDK 64-Bit Server VM 17.0.15" }`. */
  readonly versions: Readonly<Record<string, string>>;
  /**
   * Measures the assignors on the scenario, reporting each measurement as it comes. An assignor not done by the
   * deadline is stopped and reported with a DeadlineError; one that fails is reported with its error.
   */
  measure(target: ScenarioUnderTest, settings: MeasureSettings, onMeasurement: (measurement: Measurement) => void): Promise<void>;
  close(): Promise<void>;
}

/** Something the run leaves out, and why: a whole implementation, or one of its assignors. */
export interface Skip {
  readonly implementation: Implementation;
  readonly assignor?: string;
  readonly reason: string;
}

export interface PeerStart {
  /** Null when the implementation cannot run here. */
  readonly peer: Peer | null;
  readonly skipped: readonly Skip[];
}
