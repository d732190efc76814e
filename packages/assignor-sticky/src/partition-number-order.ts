import type { TopicIndex } from './topic-index.js';

const END = -1;

/**
 * Every partition, lowest partition numbers first across topics: partition 0 of each topic (by name), then
 * partition 1 of each topic that has one, and so on. A member keeps its claims in this order, so that what it
 * keeps, and what it gives up, is spread over its topics. O(P + T log T + the largest partition count).
 */
export function partitionNumberOrder(topics: TopicIndex): Int32Array {
  const topicCount = topics.topicCount;
  // The topics that still have a partition at the current number, in name order, as a doubly linked list whose
  // head is the extra slot `topicCount`.
  const head = topicCount;
  const next = new Int32Array(topicCount + 1);
  const previous = new Int32Array(topicCount + 1);
  for (let slot = 0; slot <= topicCount; slot++) {
    next[slot] = slot + 1 < topicCount ? slot + 1 : END;
    previous[slot] = slot - 1;
  }
  next[head] = topicCount > 0 ? 0 : END;
  if (topicCount > 0) previous[0] = head;

  const byCount = Int32Array.from(topics.names.keys()).sort((a, b) => topics.partitionCount(a) - topics.partitionCount(b));
  const largest = topicCount === 0 ? 0 : topics.partitionCount(byCount[topicCount - 1]!);
  const order = new Int32Array(topics.partitionTotal);
  let at = 0;
  let exhausted = 0;
  for (let number = 0; number < largest; number++) {
    while (exhausted < topicCount && topics.partitionCount(byCount[exhausted]!) <= number) {
      const topic = byCount[exhausted++]!;
      const after = next[topic]!;
      next[previous[topic]!] = after;
      if (after !== END) previous[after] = previous[topic]!;
    }
    for (let topic = next[head]; topic !== END; topic = next[topic]!) order[at++] = topics.firstPartition[topic]! + number;
  }
  return order;
}
