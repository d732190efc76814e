import type { IndexedGroup } from './indexed-group.js';

/** Above this many (member, class) combinations, a member's pair for a class is found by binary search instead of a table. */
const MAX_PAIR_TABLE = 1 << 24;

/**
 * Topics grouped by who subscribes to them. Topics with the same subscribers are interchangeable when members
 * take partitions from one another, so steal paths are searched over members and these classes, not over
 * partitions. A member's (member, class) pairs are numbered: what the member holds of a class is kept per pair.
 */
export interface TopicClasses {
  readonly classCount: number;
  readonly classOfPartition: Int32Array;
  /** The topics of class k, ascending: `classTopics[classTopicStart[k] .. classTopicStart[k + 1])`. */
  readonly classTopicStart: Int32Array;
  readonly classTopics: Int32Array;
  /** Member m's pairs are `pairStart[m] .. pairStart[m + 1])`, their classes ascending in `pairClass`. */
  readonly pairStart: Int32Array;
  readonly pairClass: Int32Array;
  /** The subscribers of class k, in member order, with their pair for k: entries `subscriberStart[k] .. subscriberStart[k + 1])`. */
  readonly subscriberStart: Int32Array;
  readonly subscriberMember: Int32Array;
  readonly subscriberPair: Int32Array;
  /** The pair of a member and a class it subscribes to. */
  pairOf(member: number, klass: number): number;
}

/** Starts of consecutive runs, from the length of each run. */
function runStarts(lengths: ArrayLike<number>): Int32Array {
  const starts = new Int32Array(lengths.length + 1);
  for (let index = 0; index < lengths.length; index++) starts[index + 1] = starts[index]! + lengths[index]!;
  return starts;
}

/** Groups equal id lists: the group of each list, and one list per group. IndexedGroup shares the arrays of equal subscriptions. */
function distinctLists(lists: readonly Int32Array[]): { readonly groupOf: Int32Array; readonly distinct: Int32Array[] } {
  const groupOf = new Int32Array(lists.length);
  const distinct: Int32Array[] = [];
  const byArray = new Map<Int32Array, number>();
  const byContent = new Map<string, number>();
  lists.forEach((list, index) => {
    let group = byArray.get(list);
    if (group === undefined) {
      const key = list.join();
      group = byContent.get(key);
      if (group === undefined) {
        group = distinct.push(list) - 1;
        byContent.set(key, group);
      }
      byArray.set(list, group);
    }
    groupOf[index] = group;
  });
  return { groupOf, distinct };
}

export function topicClasses(group: IndexedGroup): TopicClasses {
  const { memberTopics, topics } = group;
  const memberCount = memberTopics.length;
  const topicCount = topics.topicCount;
  const { groupOf: subscriptionOf, distinct: subscriptions } = distinctLists(memberTopics);

  // A topic's class is the set of distinct subscriptions that include it.
  const subscriptionsPerTopic = new Int32Array(topicCount);
  for (const ids of subscriptions) for (const topic of ids) subscriptionsPerTopic[topic]! += 1;
  const topicSubscriptionStart = runStarts(subscriptionsPerTopic);
  const topicSubscriptions = new Int32Array(topicSubscriptionStart[topicCount]!);
  const topicFill = topicSubscriptionStart.slice(0, topicCount);
  subscriptions.forEach((ids, subscription) => {
    for (const topic of ids) topicSubscriptions[topicFill[topic]!++] = subscription;
  });
  const { groupOf: classOfTopic, distinct: classSubscriptions } = distinctLists(
    Array.from({ length: topicCount }, (_, topic) => topicSubscriptions.subarray(topicSubscriptionStart[topic], topicSubscriptionStart[topic + 1])),
  );
  const classCount = classSubscriptions.length;

  const topicsPerClass = new Int32Array(classCount);
  for (const klass of classOfTopic) topicsPerClass[klass]! += 1;
  const classTopicStart = runStarts(topicsPerClass);
  const classTopics = new Int32Array(topicCount);
  const classFill = classTopicStart.slice(0, classCount);
  classOfTopic.forEach((klass, topic) => (classTopics[classFill[klass]!++] = topic));

  // Each distinct subscription's classes, ascending without repeats (a stamp per class marks those seen).
  const seen = new Int32Array(classCount).fill(-1);
  const classesOfSubscription = subscriptions.map((ids, subscription) => {
    const classes: number[] = [];
    for (const topic of ids) {
      const klass = classOfTopic[topic]!;
      if (seen[klass] !== subscription) {
        seen[klass] = subscription;
        classes.push(klass);
      }
    }
    return Int32Array.from(classes).sort();
  });
  const pairStart = runStarts(Array.from(subscriptionOf, (subscription) => classesOfSubscription[subscription]!.length));
  const pairClass = new Int32Array(pairStart[memberCount]!);
  for (let member = 0; member < memberCount; member++) pairClass.set(classesOfSubscription[subscriptionOf[member]!]!, pairStart[member]);

  const subscribersPerClass = new Int32Array(classCount);
  for (const klass of pairClass) subscribersPerClass[klass]! += 1;
  const subscriberStart = runStarts(subscribersPerClass);
  const subscriberMember = new Int32Array(pairClass.length);
  const subscriberPair = new Int32Array(pairClass.length);
  const subscriberFill = subscriberStart.slice(0, classCount);
  for (let member = 0; member < memberCount; member++) {
    for (let pair = pairStart[member]!; pair < pairStart[member + 1]!; pair++) {
      const entry = subscriberFill[pairClass[pair]!]!++;
      subscriberMember[entry] = member;
      subscriberPair[entry] = pair;
    }
  }

  const classOfPartition = new Int32Array(topics.partitionTotal);
  classOfTopic.forEach((klass, topic) => classOfPartition.fill(klass, topics.firstPartition[topic], topics.firstPartition[topic + 1]));

  return {
    classCount,
    classOfPartition,
    classTopicStart,
    classTopics,
    pairStart,
    pairClass,
    subscriberStart,
    subscriberMember,
    subscriberPair,
    pairOf: memberCount * classCount <= MAX_PAIR_TABLE ? pairTable(memberCount, classCount, pairStart, pairClass) : pairSearch(pairStart, pairClass),
  };
}

function pairTable(memberCount: number, classCount: number, pairStart: Int32Array, pairClass: Int32Array): (member: number, klass: number) => number {
  const table = new Int32Array(memberCount * classCount);
  for (let member = 0; member < memberCount; member++) {
    for (let pair = pairStart[member]!; pair < pairStart[member + 1]!; pair++) table[member * classCount + pairClass[pair]!] = pair;
  }
  return (member, klass) => table[member * classCount + klass]!;
}

function pairSearch(pairStart: Int32Array, pairClass: Int32Array): (member: number, klass: number) => number {
  return (member, klass) => {
    let low = pairStart[member]!;
    let high = pairStart[member + 1]! - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (pairClass[middle]! < klass) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}
