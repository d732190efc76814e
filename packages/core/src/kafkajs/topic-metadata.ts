import type { ClusterMetadata, TopicMetadata } from '../model.js';
import type { KafkaJSBrokerMetadata, KafkaJSCluster } from './contract.js';

/**
 * Fresh metadata for exactly the topics the group subscribes to. KafkaJS' leader only knows its own
 * topics (kafkajs#1679), so the adapter asks the cluster for the union. KafkaJS rejects a whole metadata
 * request when one topic does not exist; Java skips such topics, so on that error each topic is asked
 * for alone and the missing ones are left out.
 */
export async function loadTopicMetadata(cluster: KafkaJSCluster, topics: readonly string[]): Promise<ClusterMetadata> {
  if (topics.length === 0) return new Map();
  try {
    return toClusterMetadata(await cluster.metadata({ topics: [...topics] }));
  } catch (error) {
    if (!isUnknownTopic(error)) throw error;
  }
  const result = new Map<string, TopicMetadata>();
  const answers = await Promise.all(
    topics.map((topic) =>
      cluster.metadata({ topics: [topic] }).then(toClusterMetadata, (error: unknown) => {
        if (isUnknownTopic(error)) return new Map<string, TopicMetadata>();
        throw error;
      }),
    ),
  );
  for (const answer of answers) for (const [topic, metadata] of answer) result.set(topic, metadata);
  return result;
}

function isUnknownTopic(error: unknown): boolean {
  return (error as { type?: unknown } | null)?.type === 'UNKNOWN_TOPIC_OR_PARTITION';
}

function toClusterMetadata(metadata: KafkaJSBrokerMetadata): ClusterMetadata {
  const rackOfNode = new Map<number, string>();
  for (const broker of metadata.brokers) if (broker.rack) rackOfNode.set(broker.nodeId, broker.rack);

  const result = new Map<string, TopicMetadata>();
  for (const { topic, partitionMetadata } of metadata.topicMetadata) {
    if (partitionMetadata.length === 0) continue;
    const partitionCount = partitionMetadata.reduce((count, p) => Math.max(count, p.partitionId + 1), 0);
    if (rackOfNode.size === 0) {
      result.set(topic, { partitionCount });
      continue;
    }
    const replicaRacks: string[][] = Array.from({ length: partitionCount }, () => []);
    for (const { partitionId, replicas } of partitionMetadata) {
      const racks = new Set<string>();
      for (const node of replicas) {
        const rack = rackOfNode.get(node);
        if (rack !== undefined) racks.add(rack);
      }
      replicaRacks[partitionId] = [...racks].sort();
    }
    result.set(topic, { partitionCount, replicaRacks });
  }
  return result;
}
