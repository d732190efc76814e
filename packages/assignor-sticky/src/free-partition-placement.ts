import type { Holdings } from './holdings.js';
import type { IndexedGroup } from './indexed-group.js';
import type { Dealer } from './round-robin-dealer.js';
import type { TopicClasses } from './topic-classes.js';

/**
 * Places the partitions nobody holds yet by water-filling, one topic class at a time, the classes with the
 * fewest subscribers first (they have the least choice): a class's free partitions raise its least loaded
 * subscribers first, level by level, ties going to the lower member number, and are dealt by `deal` (round-robin,
 * so that each topic spreads). O(P + Π log M) for Π (member, class) pairs, and the dealer's cost.
 */
export function placeFreePartitions(group: IndexedGroup, classes: TopicClasses, holdings: Holdings, deal: Dealer): void {
  const { topics } = group;
  const { classCount, classTopicStart, classTopics, subscriberStart, subscriberMember } = classes;
  const allotments = new Int32Array(group.members.length);
  const free = new Int32Array(topics.partitionTotal);
  const subscriberCount = (klass: number) => subscriberStart[klass + 1]! - subscriberStart[klass]!;
  const order = Int32Array.from({ length: classCount }, (_, klass) => klass).sort((a, b) => subscriberCount(a) - subscriberCount(b) || a - b);

  for (const klass of order) {
    let freeCount = 0;
    for (let entry = classTopicStart[klass]!; entry < classTopicStart[klass + 1]!; entry++) {
      const topic = classTopics[entry]!;
      for (let partition = topics.firstPartition[topic]!; partition < topics.firstPartition[topic + 1]!; partition++) {
        if (holdings.owner[partition]! < 0) free[freeCount++] = partition;
      }
    }
    if (freeCount === 0) continue;
    const subscribers = subscriberMember.slice(subscriberStart[klass], subscriberStart[klass + 1]);
    const receivers = waterFill(subscribers, holdings.count, freeCount, allotments);
    deal(free.subarray(0, freeCount), receivers, allotments, (partition, member) => holdings.give(partition, member));
  }
}

/**
 * How many of `units` each member gets so that the lowest counts rise first: writes the allotments, and
 * returns the receivers in member order.
 */
function waterFill(members: Int32Array, count: Int32Array, units: number, allotments: Int32Array): Int32Array {
  const byCount = byCountThenNumber(members, count);
  // Raise the first `raised` members, all at `level`, until the next member's count or the units run out.
  let raised = 0;
  let level = count[byCount[0]!]!;
  let left = units;
  for (;;) {
    while (raised < byCount.length && count[byCount[raised]!]! <= level) raised++;
    const nextLevel = raised < byCount.length ? count[byCount[raised]!]! : Infinity;
    if (raised * (nextLevel - level) > left) break;
    left -= raised * (nextLevel - level);
    level = nextLevel;
  }
  const lift = Math.floor(left / raised);
  level += lift;
  left -= lift * raised;
  for (let rank = 0; rank < raised; rank++) {
    const member = byCount[rank]!;
    allotments[member] = level - count[member]! + (rank < left ? 1 : 0);
  }
  return byCount
    .subarray(0, raised)
    .filter((member) => allotments[member]! > 0)
    .sort();
}

/**
 * `members` by ascending count, then member number, with a native numeric sort rather than a comparator:
 * (count, member) packed into one double, exact while count times the member space stays below 2^53, which
 * holds for any count of partitions Kafka can have (below 2^31) and up to 2^22 members.
 */
function byCountThenNumber(members: Int32Array, count: Int32Array): Int32Array {
  const memberSpace = 2 ** Math.ceil(Math.log2(count.length + 1));
  const keys = new Float64Array(members.length);
  for (let index = 0; index < members.length; index++) keys[index] = count[members[index]!]! * memberSpace + members[index]!;
  keys.sort();
  return Int32Array.from(keys, (key) => key % memberSpace);
}
