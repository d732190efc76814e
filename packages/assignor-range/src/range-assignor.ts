import { type Assignor, type Group, type GroupAssignment, type GroupMember, type MemberAssignment, type TopicPartitions } from '@kafka-assignors/core';
import {
  checkGroup,
  checkNoOptions,
  compareJavaMemberOrder,
  compareStrings,
  memberRacks,
  NO_RACK,
  PartitionRacks,
  RackIds,
  singlePartition,
  subscriberPositions,
} from '@kafka-assignors/core/internal';
import { assignCoPartitionedByRack } from './co-partitioned-rack-matching.js';
import { RangeQuota } from './range-quota.js';
import { assignTopicByRack } from './topic-rack-matching.js';

const PROTOCOL = 'range';

/**
 * The Java client's RangeAssignor (protocol `range`), result for result, KIP-881 rack awareness included.
 *
 * Algorithm. Members are ordered static first (by group instance id), then dynamic (by member id). Each
 * topic is divided on its own among its subscribers in that order: with P partitions and N subscribers,
 * each gets floor(P/N) contiguous partitions and the first P mod N get one more, so subscriber i starts at
 * i * floor(P/N) + min(i, P mod N). Topics nobody subscribes to, or without metadata, are left out.
 *
 * Racks. A topic needs rack awareness when its subscribers' racks meet its replicas' racks and some
 * partition is not on every rack. If any topic of the group does, a rack phase runs first, with the same
 * quotas. Topics whose subscribers have racks are grouped by (same subscribers, same partition count). A
 * group of two or more such co-partitioned topics hands out each partition index, for all of them at once,
 * to the first subscriber with quota whose rack holds that index of every topic; this runs even when none
 * of them needs rack awareness itself. A topic alone in its group, if it needs rack awareness, lets each
 * subscriber in turn take the lowest partitions on its rack up to its quota. Subscribers without a rack
 * match every partition. Then the plain range walk places what is left; the first subscribers to go past
 * floor(P/N) in either phase hold the extra slots.
 *
 * Cost. Ordering members O(M log M); reading subscriptions O(S) for S (member, topic) pairs; the plain
 * division is arithmetic, O(N) per topic; writing the result O(P) for P partitions, with no key or lookup
 * per partition. A topic whose subscribers have racks also reads its replicas' racks, O(P x R) for R
 * replicas per partition, and when the rack phase runs it costs O(P x R) for a topic alone and
 * O(P x (T x R^2 + racks)) for a co-partitioned set of T topics, plus O(N) per topic for the quotas.
 *
 * It takes no options: anything passed is refused (InvalidArgumentError), as is a malformed group passed to
 * `assign` (MalformedGroupError).
 */
export function rangeAssignor(options?: never): Assignor {
  checkNoOptions('rangeAssignor', options);
  return { name: PROTOCOL, rebalanceProtocols: ['eager'], assign: assignRange };
}

/** A topic that exists and that some member subscribes to. */
interface SubscribedTopic {
  readonly name: string;
  readonly partitionCount: number;
  /** The subscribers' positions in the member order, ascending. */
  readonly subscribers: readonly number[];
  /** The replicas' racks, read only when some subscriber has a rack. */
  readonly racks: PartitionRacks | null;
  readonly needsRackAwareAssignment: boolean;
}

/** A topic with some subscriber on a rack, which the rack phase may concern. */
interface RackedTopic extends SubscribedTopic {
  readonly racks: PartitionRacks;
}

function assignRange(group: Group): GroupAssignment {
  checkGroup(group, PROTOCOL);
  const members = [...group.members].sort(compareJavaMemberOrder);
  const rackIds = new RackIds();
  const racks = memberRacks(members, rackIds);
  const topics = subscribedTopics(group, members, racks, rackIds);
  const rackMatched = topics.some((topic) => topic.needsRackAwareAssignment)
    ? assignWithRackMatching(topics, racks)
    : new Map<SubscribedTopic, number[][]>();

  const received: TopicPartitions[][] = members.map(() => []);
  for (const topic of topics) {
    const partitionsBySubscriber = rackMatched.get(topic);
    if (partitionsBySubscriber === undefined) {
      divideInRanges(topic, received);
      continue;
    }
    topic.subscribers.forEach((member, position) => {
      const partitions = partitionsBySubscriber[position] ?? [];
      if (partitions.length > 0) received[member]?.push({ topic: topic.name, partitions });
    });
  }

  const assignment = new Map<string, MemberAssignment>();
  members.forEach((member, position) => assignment.set(member.memberId, { partitions: received[position] ?? [], userData: null }));
  return assignment;
}

/** The topics to assign, by name, each with its subscribers in member order. */
function subscribedTopics(group: Group, members: readonly GroupMember[], racks: Int32Array, rackIds: RackIds): SubscribedTopic[] {
  const subscribersByTopic = subscriberPositions(members);

  const topics: SubscribedTopic[] = [];
  for (const [name, subscribers] of subscribersByTopic) {
    const metadata = group.topics.get(name);
    if (metadata === undefined || metadata.partitionCount <= 0) continue;
    const subscriberRacks = new Set<number>();
    for (const position of subscribers) {
      const rack = racks[position] ?? NO_RACK;
      if (rack !== NO_RACK) subscriberRacks.add(rack);
    }
    const partitionRacks = subscriberRacks.size > 0 ? PartitionRacks.of([metadata], rackIds) : null;
    topics.push({
      name,
      partitionCount: metadata.partitionCount,
      subscribers,
      racks: partitionRacks,
      needsRackAwareAssignment: partitionRacks?.needsRackAwareAssignment(subscriberRacks) ?? false,
    });
  }
  return topics.sort((a, b) => compareStrings(a.name, b.name));
}

/**
 * The plain range division, straight into each subscriber's list: subscriber i gets floor(P/N) contiguous
 * partitions, one more if i < P mod N.
 */
function divideInRanges({ name, partitionCount, subscribers }: SubscribedTopic, received: TopicPartitions[][]): void {
  const base = Math.floor(partitionCount / subscribers.length);
  const extra = partitionCount % subscribers.length;
  let start = 0;
  for (let position = 0; position < subscribers.length; position++) {
    const length = base + (position < extra ? 1 : 0);
    if (length === 0) break;
    received[subscribers[position] ?? 0]?.push({ topic: name, partitions: partitionRun(start, length) });
    start += length;
  }
}

function partitionRun(start: number, length: number): readonly number[] {
  if (length === 1) return singlePartition(start);
  const partitions = new Array<number>(length);
  for (let i = 0; i < length; i++) partitions[i] = start + i;
  return partitions;
}

/**
 * The rack phase, then the range fill, for the topics it concerns; the others keep the plain division,
 * which is what the fill alone would give them.
 */
function assignWithRackMatching(topics: readonly SubscribedTopic[], racks: Int32Array): Map<SubscribedTopic, number[][]> {
  const result = new Map<SubscribedTopic, number[][]>();
  for (const topicSet of coPartitionedSets(topics)) {
    const [first] = topicSet;
    if (first === undefined) continue;
    const quota = new RangeQuota(first.partitionCount, first.subscribers.length);
    const subscriberRacks = Int32Array.from(first.subscribers, (position) => racks[position] ?? NO_RACK);
    if (topicSet.length > 1) {
      assignCoPartitionedByRack(quota, subscriberRacks, topicSet.map((topic) => topic.racks));
    } else if (first.needsRackAwareAssignment) {
      assignTopicByRack(quota, subscriberRacks, first.racks);
    } else {
      continue;
    }
    quota.fill();
    const partitionsBySubscriber = quota.partitionsBySubscriber();
    for (const topic of topicSet) result.set(topic, partitionsBySubscriber);
  }
  return result;
}

/**
 * Topics whose subscribers have racks, grouped by the same subscribers and the same partition count. Topics
 * whose subscribers have no rack cannot be matched to racks, and are left out.
 */
function coPartitionedSets(topics: readonly SubscribedTopic[]): RackedTopic[][] {
  const sets = new Map<string, RackedTopic[]>();
  for (const topic of topics.filter((candidate): candidate is RackedTopic => candidate.racks !== null)) {
    const key = `${topic.partitionCount}:${topic.subscribers.join(',')}`;
    const set = sets.get(key);
    if (set === undefined) sets.set(key, [topic]);
    else set.push(topic);
  }
  return [...sets.values()];
}
