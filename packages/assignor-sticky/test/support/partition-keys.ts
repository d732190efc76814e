import type { GroupAssignment, TopicPartitions } from '@kafka-assignors/core';

/** A partition as one string, `topic/partition`, for maps and sets in tests. */
export function partitionKey(topic: string, partition: number): string {
  return `${topic}/${partition}`;
}

export function topicOfKey(key: string): string {
  return key.slice(0, key.lastIndexOf('/'));
}

export function partitionKeys(partitions: readonly TopicPartitions[]): string[] {
  return partitions.flatMap(({ topic, partitions: list }) => list.map((partition) => partitionKey(topic, partition)));
}

/** Who holds each partition in an assignment. */
export function holders(assignment: GroupAssignment): Map<string, string> {
  const byPartition = new Map<string, string>();
  for (const [memberId, { partitions }] of assignment) for (const key of partitionKeys(partitions)) byPartition.set(key, memberId);
  return byPartition;
}

/** How many partitions each member holds, by member id. */
export function partitionCounts(assignment: GroupAssignment): Map<string, number> {
  return new Map([...assignment].map(([memberId, { partitions }]) => [memberId, partitionKeys(partitions).length]));
}
