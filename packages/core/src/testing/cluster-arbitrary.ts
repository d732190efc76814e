import type { ClusterMetadata, TopicMetadata } from '../model.js';
import fc from './fast-check.js';

export const DEFAULT_TOPIC_NAMES: readonly string[] = ['orders', 'payments', 'audit', 'clicks', 'events', 'metrics'];
export const DEFAULT_BROKER_RACKS: readonly string[] = ['rack-a', 'rack-b', 'rack-c'];
export const DEFAULT_MAX_PARTITIONS_PER_TOPIC = 16;

export interface ClusterArbitraryOptions {
  /** The names metadata topics are drawn from; each appears at most once. */
  readonly topicNames?: readonly string[];
  readonly maxPartitionsPerTopic?: number;
  /** The racks of the brokers replicas live on. */
  readonly brokerRacks?: readonly string[];
}

/**
 * One topic as the leader's metadata has it: at least one partition (topics without partitions are not in
 * metadata), and for some topics the racks of each partition's replicas, possibly none for a partition.
 */
export function topicMetadataArbitrary(
  maxPartitions: number = DEFAULT_MAX_PARTITIONS_PER_TOPIC,
  brokerRacks: readonly string[] = DEFAULT_BROKER_RACKS,
): fc.Arbitrary<TopicMetadata> {
  return fc.integer({ min: 1, max: maxPartitions }).chain((partitionCount) =>
    fc
      .option(fc.array(fc.subarray([...brokerRacks]), { minLength: partitionCount, maxLength: partitionCount }), { nil: undefined })
      .map((replicaRacks): TopicMetadata => (replicaRacks === undefined ? { partitionCount } : { partitionCount, replicaRacks })),
  );
}

/** Metadata holding any subset of `topicNames`, including none. */
export function clusterArbitrary(options: ClusterArbitraryOptions = {}): fc.Arbitrary<ClusterMetadata> {
  const topicNames = options.topicNames ?? DEFAULT_TOPIC_NAMES;
  if (topicNames.length === 0) throw new RangeError('clusterArbitrary needs at least one topic name');
  const topic = fc.tuple(fc.constantFrom(...topicNames), topicMetadataArbitrary(options.maxPartitionsPerTopic, options.brokerRacks));
  const someTopics = fc.uniqueArray(topic, { selector: ([name]) => name, minLength: 1, maxLength: topicNames.length });
  return fc
    .oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 19, arbitrary: someTopics })
    .map((topics): ClusterMetadata => new Map(topics));
}
