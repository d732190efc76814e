import type { Scenario } from '@kafka-assignors/core/scenario';

export interface JavaRackTestSetup {
  /** Topics and partition counts, in the order the Java test lists them. */
  readonly topics: readonly (readonly [string, number])[];
  readonly replicationFactor: number;
  /** Broker i's rack; `null` for a broker without one. */
  readonly brokerRacks: readonly (string | null)[];
  /** Member `consumer${i}`'s rack and topics. */
  readonly consumerRacks: readonly (string | null)[];
  readonly consumerTopics: readonly (readonly string[])[];
}

/**
 * The groups of the Java client's rack-aware assignor tests (AbstractPartitionAssignorTest): broker i is on
 * brokerRacks[i]; a topic's partitions are numbered on from where the previous topic's stopped (offset =
 * partitions of the topics before it), and replica j of partition i sits on broker (i + j + offset) mod the
 * number of brokers.
 */
export function javaRackTestScenario(setup: JavaRackTestSetup): Scenario {
  let offset = 0;
  const topics = setup.topics.map(([name, partitions]) => {
    const replicaRacks = Array.from({ length: partitions }, (_, partition) =>
      Array.from({ length: setup.replicationFactor }, (_, replica) => setup.brokerRacks[(partition + replica + offset) % setup.brokerRacks.length] ?? null).filter(
        (rack) => rack !== null,
      ),
    );
    offset += partitions;
    return { name, partitions, replicaRacks };
  });
  const members = setup.consumerTopics.map((topicsOfMember, i) => {
    const rackId = setup.consumerRacks[i] ?? null;
    return { memberId: `consumer${i}`, topics: topicsOfMember, ...(rackId === null ? {} : { rackId }) };
  });
  return { topics, members };
}

/** `racks(n)` of the Java tests: a, b, c, ... */
export function racks(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String.fromCharCode('a'.charCodeAt(0) + i));
}

/** `nullRacks(n)` of the Java tests. */
export function noRacks(count: number): null[] {
  return Array.from({ length: count }, () => null);
}
