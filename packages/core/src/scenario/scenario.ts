import type { TopicPartitions } from '../model.js';

/**
 * One rebalance as the group leader sees it, in the project's JSON scenario format
 * (docs/scenario-format.md in the repository): read by `kafka-assignors assign`, the benchmark peers and tests.
 */
export interface Scenario {
  readonly topics: readonly ScenarioTopic[];
  readonly members: readonly ScenarioMember[];
}

export interface ScenarioTopic {
  readonly name: string;
  readonly partitions: number;
  readonly replicaRacks?: readonly (readonly string[])[];
}

export interface ScenarioMember {
  readonly memberId: string;
  readonly groupInstanceId?: string;
  readonly rackId?: string;
  readonly topics: readonly string[];
  /** What the member held after its last rebalance. */
  readonly owned?: readonly TopicPartitions[];
  readonly generationId?: number;
  /** Assignor-specific local settings, turned into user data by that assignor. */
  readonly state?: unknown;
  /** Raw user data, overriding what `owned` and `state` would produce. */
  readonly userData?: Uint8Array;
}
