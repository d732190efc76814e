import type { ClusterMetadata, TopicMetadata } from '../model.js';
import type { PlatformaticClusterMetadata } from './contract.js';

/**
 * The group's topics in the metadata the client fetched for the leader (the union of every member's topics),
 * with the racks of each partition's replicas when the brokers have racks. A topic the metadata lacks, or
 * that has no partitions, does not exist for the assignment.
 */
export function topicMetadataOf(metadata: PlatformaticClusterMetadata, topics: Iterable<string>): ClusterMetadata {
  const rackOfNode = new Map<number, string>();
  for (const [nodeId, { rack }] of metadata.brokers) if (rack) rackOfNode.set(nodeId, rack);

  const result = new Map<string, TopicMetadata>();
  for (const topic of topics) {
    const topicMetadata = metadata.topics.get(topic);
    if (topicMetadata === undefined || topicMetadata.partitionsCount <= 0) continue;
    const { partitionsCount: partitionCount, partitions } = topicMetadata;
    if (rackOfNode.size === 0) {
      result.set(topic, { partitionCount });
      continue;
    }
    const replicaRacks = Array.from({ length: partitionCount }, (_, partition) => {
      const racks = new Set<string>();
      for (const node of partitions[partition]?.replicas ?? []) {
        const rack = rackOfNode.get(node);
        if (rack !== undefined) racks.add(rack);
      }
      return [...racks].sort();
    });
    result.set(topic, { partitionCount, replicaRacks });
  }
  return result;
}
