import { createRequire } from 'node:module';
import type { PartitionAssigner } from 'kafkajs';
import type { InMemoryCoordinator } from './in-memory-coordinator.js';

/**
 * KafkaJS' own ConsumerGroup (its internal class that joins, calls the assigners and syncs), driven against
 * an in-memory coordinator and cluster metadata, so that the adapter is called exactly as KafkaJS calls it.
 */
const require = createRequire(import.meta.url);
const ConsumerGroup = require('kafkajs/src/consumer/consumerGroup.js') as new (options: object) => KafkaJSConsumerGroup;
const InstrumentationEventEmitter = require('kafkajs/src/instrumentation/emitter.js') as new () => object;
const { createLogger, LEVELS } = require('kafkajs/src/loggers/index.js') as {
  createLogger: (options: { level: number; logCreator: () => (entry: LogEntry) => void }) => object;
  LEVELS: { INFO: number };
};

interface KafkaJSConsumerGroup {
  joinAndSync(): Promise<void>;
  heartbeat(options: { interval: number }): Promise<void>;
  leave(): Promise<void>;
  assigned(): { topic: string; partitions: number[] }[];
  memberId: string | null;
  generationId: number | null;
}

export interface LogEntry {
  /** What the line is marked with (`logger.namespace(...)`); absent for the root logger's. */
  namespace?: string;
  level: number;
  log: { message: string } & Record<string, unknown>;
}

export interface TopicLayout {
  readonly [topic: string]: { partitions: number; racks?: readonly string[] };
}

export interface TestConsumer {
  readonly group: KafkaJSConsumerGroup;
  readonly logs: LogEntry[];
  readonly cluster: FakeCluster;
}

export type FakeCluster = ReturnType<typeof fakeCluster>;

/** The metadata side of a KafkaJS Cluster, serving `layout`; one broker per rack, replicas on every broker. */
export function fakeCluster(coordinator: InMemoryCoordinator, layout: TopicLayout) {
  const brokerRacks = [...new Set(Object.values(layout).flatMap(({ racks }) => racks ?? []))];
  const brokers: { nodeId: number; host: string; port: number; rack?: string }[] =
    brokerRacks.length === 0
      ? [{ nodeId: 0, host: 'localhost', port: 9092 }]
      : brokerRacks.map((rack, nodeId) => ({ nodeId, host: 'localhost', port: 9092, rack }));
  const partitionMetadata = (topic: string) =>
    Array.from({ length: layout[topic]?.partitions ?? 0 }, (_, partitionId) => ({
      partitionErrorCode: 0,
      partitionId,
      leader: 0,
      replicas: brokers
        .filter((broker) => broker.rack === undefined || (layout[topic]?.racks ?? []).includes(broker.rack))
        .map((broker) => broker.nodeId),
      isr: [0],
    }));
  return {
    metadataRequests: [] as string[][],
    findGroupCoordinator: () => Promise.resolve(coordinator),
    refreshMetadata: () => Promise.resolve(),
    committedOffsets: () => ({}),
    findTopicPartitionMetadata: partitionMetadata,
    metadata({ topics = [] }: { topics?: string[] } = {}) {
      this.metadataRequests.push(topics);
      if (topics.some((topic) => layout[topic] === undefined)) {
        return Promise.reject(Object.assign(new Error('This server does not host this topic-partition'), { type: 'UNKNOWN_TOPIC_OR_PARTITION' }));
      }
      return Promise.resolve({
        brokers,
        topicMetadata: topics.map((topic) => ({ topicErrorCode: 0, topic, partitionMetadata: partitionMetadata(topic) })),
      });
    },
  };
}

/** One KafkaJS consumer of `groupId` subscribed to `topics`, with the given partition assigners. */
export function testConsumer(
  coordinator: InMemoryCoordinator,
  layout: TopicLayout,
  topics: string[],
  partitionAssigners: PartitionAssigner[],
): TestConsumer {
  const logs: LogEntry[] = [];
  const logger = createLogger({ level: LEVELS.INFO, logCreator: () => (entry) => logs.push(entry) });
  const cluster = fakeCluster(coordinator, layout);
  const groupId = 'test-group';
  const assigners = partitionAssigners.map((createAssigner) =>
    createAssigner({ cluster: cluster as never, groupId, logger: logger as never }),
  );
  const group = new ConsumerGroup({
    cluster,
    groupId,
    topics,
    topicConfigurations: {},
    logger,
    instrumentationEmitter: new InstrumentationEventEmitter(),
    retry: { retries: 0 },
    assigners,
    sessionTimeout: 30000,
    rebalanceTimeout: 60000,
    maxBytesPerPartition: 1048576,
    minBytes: 1,
    maxBytes: 10485760,
    maxWaitTimeInMs: 5000,
    autoCommit: false,
    isolationLevel: 1,
  });
  return { group, logs, cluster };
}
