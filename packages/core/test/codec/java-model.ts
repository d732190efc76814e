import type { TopicPartitions } from '../../src/model.js';

/**
 * What the Java client puts on the wire, computed the way Java does it and not the way the codec does:
 * Java keeps partitions as flat (topic, partition) lists and builds the wire entries from them.
 */

type TopicPartition = readonly [topic: string, partition: number];

function flatten(entries: readonly TopicPartitions[]): TopicPartition[] {
  return entries.flatMap(({ topic, partitions }) => partitions.map((partition): TopicPartition => [topic, partition]));
}

/** Java `String.compareTo`: UTF-16 code units. */
export function compareJavaStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Entries for each run of one topic, in list order. */
function groupRuns(pairs: readonly TopicPartition[]): TopicPartitions[] {
  const entries: { topic: string; partitions: number[] }[] = [];
  for (const [topic, partition] of pairs) {
    const last = entries.at(-1);
    if (last?.topic === topic) last.partitions.push(partition);
    else entries.push({ topic, partitions: [partition] });
  }
  return entries;
}

/** `ConsumerProtocol.serializeSubscription`: sort the pairs by (topic, partition), one entry per topic. */
export function javaOwnedPartitions(entries: readonly TopicPartitions[]): TopicPartitions[] {
  const pairs = flatten(entries).sort(([topicA, a], [topicB, b]) => compareJavaStrings(topicA, topicB) || a - b);
  return groupRuns(pairs);
}

/** `ConsumerProtocol.serializeAssignment`: one entry per topic in order of first appearance. */
export function javaAssignedPartitions(entries: readonly TopicPartitions[]): TopicPartitions[] {
  const pairs = flatten(entries);
  const firstIndex = new Map<string, number>();
  pairs.forEach(([topic], index) => {
    if (!firstIndex.has(topic)) firstIndex.set(topic, index);
  });
  // A stable sort by the first appearance of the topic keeps each topic's partitions in list order.
  return groupRuns(pairs.sort(([a], [b]) => firstIndex.get(a)! - firstIndex.get(b)!));
}
