import { compareStrings } from '../compare-strings.js';
import type { TopicPartitions } from '../model.js';

/**
 * The Java client keeps partitions as a flat list of (topic, partition) pairs and builds the wire entries
 * from it, so a topic appears at most once on the wire and never with an empty partition list. These
 * functions turn a TopicPartitions list into that form without flattening it.
 */

function compareNumbers(a: number, b: number): number {
  return a - b;
}

function isAscending(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if (values[i - 1]! > values[i]!) return false;
  return true;
}

/** The partition lists of each topic, in order of the topic's first appearance, empty lists left out. */
function partitionListsByTopic(entries: readonly TopicPartitions[]): Map<string, (readonly number[])[]> {
  const listsByTopic = new Map<string, (readonly number[])[]>();
  for (const { topic, partitions } of entries) {
    if (partitions.length === 0) continue;
    const lists = listsByTopic.get(topic);
    if (lists === undefined) listsByTopic.set(topic, [partitions]);
    else lists.push(partitions);
  }
  return listsByTopic;
}

/**
 * Whether every entry has partitions and the topics are in strictly ascending order, hence distinct: what
 * every assignor of this project returns. Checking it costs no allocation, unlike building the map.
 */
function isGroupedAndSorted(entries: readonly TopicPartitions[]): boolean {
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.partitions.length === 0) return false;
    if (i > 0 && !(entries[i - 1]!.topic < entry.topic)) return false;
  }
  return true;
}

/**
 * One entry per topic in order of first appearance, partitions in the given order: how Java writes an
 * Assignment. Returns `entries` itself when it is already in that form, which is the usual case.
 */
export function groupByFirstAppearance(entries: readonly TopicPartitions[]): readonly TopicPartitions[] {
  if (isGroupedAndSorted(entries)) return entries;
  const listsByTopic = partitionListsByTopic(entries);
  if (listsByTopic.size === entries.length) return entries;
  return Array.from(listsByTopic, ([topic, lists]) => ({ topic, partitions: lists.length === 1 ? lists[0]! : lists.flat() }));
}

/** One entry per topic, sorted by (topic, partition): how Java writes a Subscription's owned partitions. */
export function groupSorted(entries: readonly TopicPartitions[]): TopicPartitions[] {
  const listsByTopic = partitionListsByTopic(entries);
  const topics = Array.from(listsByTopic.keys()).sort(compareStrings);
  return topics.map((topic) => {
    const lists = listsByTopic.get(topic)!;
    if (lists.length === 1 && isAscending(lists[0]!)) return { topic, partitions: lists[0]! };
    const partitions = lists.length === 1 ? [...lists[0]!] : lists.flat();
    return { topic, partitions: partitions.sort(compareNumbers) };
  });
}
