import { InvalidArgumentError, type Assignor, type Group, type GroupAssignment, type GroupMember, type MemberAssignment, type TopicPartitions } from '@kafka-assignors/core';
import { checkGroup, checkOptionKeys, compareJavaMemberOrder, compareStrings, describeValue, singlePartition, subscriberPositions } from '@kafka-assignors/core/internal';

const PROTOCOL_NAMES: readonly unknown[] = ['roundrobin', 'RoundRobinAssigner'];

/**
 * The Java client's RoundRobinAssignor (protocol `roundrobin`), result for result.
 *
 * Members are ordered static first (by group instance id), then dynamic (by member id). Every partition of
 * every subscribed topic is laid out in one sequence, topics in name order and partitions ascending. One
 * cursor walks the members in a circle, never reset between topics: each partition goes to the next member
 * that subscribes to its topic.
 *
 * Within one topic the walk only ever visits that topic's subscribers, in member order, from the first one at
 * or after the cursor: partition p goes to subscriber (first + p) mod S. So the walk is computed per topic
 * instead of stepped through, and each subscriber's partitions of the topic are written once, as the
 * arithmetic sequence they form.
 *
 * Cost: O(M log M) to order the members, O(S) to read S (member, topic) subscriptions, then per topic a
 * binary search among its subscribers and O(P) for its P partitions: O(M log M + S + P) in all, whatever the
 * subscriptions (Java steps past non-subscribers, O(P x M) at worst).
 *
 * Options it cannot use are refused (InvalidArgumentError), as is a malformed group passed to `assign`
 * (MalformedGroupError).
 */
export function roundRobinAssignor(options: RoundRobinAssignorOptions = {}): Assignor {
  checkOptionKeys('roundRobinAssignor', options, ['protocolName']);
  const { protocolName = 'roundrobin' } = options;
  if (!PROTOCOL_NAMES.includes(protocolName)) {
    throw new InvalidArgumentError('roundRobinAssignor', 'options.protocolName', `must be "roundrobin" or "RoundRobinAssigner", not ${describeValue(protocolName)}`);
  }
  return {
    name: protocolName,
    rebalanceProtocols: ['eager'],
    assign: (group) => {
      checkGroup(group, protocolName);
      return assignRoundRobin(group);
    },
  };
}

export interface RoundRobinAssignorOptions {
  /**
   * The protocol name the assignor advertises. `roundrobin` (the default) is the Java client's, which Java
   * members of the group share. `RoundRobinAssigner` is KafkaJS' own, offered alongside `roundrobin` to move
   * a running KafkaJS group over without stopping it; the README has the two rolling restarts.
   */
  readonly protocolName?: 'roundrobin' | 'RoundRobinAssigner';
}

function assignRoundRobin(group: Group): GroupAssignment {
  const members = [...group.members].sort(compareJavaMemberOrder);
  const received: TopicPartitions[][] = members.map(() => []);

  let cursor = 0;
  for (const { name, partitionCount, subscribers } of subscribedTopics(group, members)) {
    const first = firstAtOrAfter(subscribers, cursor);
    const count = subscribers.length;
    for (let offset = 0; offset < Math.min(count, partitionCount); offset++) {
      received[subscribers[(first + offset) % count]!]!.push({ topic: name, partitions: everyNth(offset, count, partitionCount) });
    }
    cursor = (subscribers[(first + partitionCount - 1) % count]! + 1) % members.length;
  }

  const assignment = new Map<string, MemberAssignment>();
  members.forEach((member, index) => assignment.set(member.memberId, { partitions: received[index]!, userData: null }));
  return assignment;
}

/** Partitions first, first + step, ... below partitionCount. */
function everyNth(first: number, step: number, partitionCount: number): readonly number[] {
  const length = Math.ceil((partitionCount - first) / step);
  if (length === 1) return singlePartition(first);
  // Sized up front: an array grown by push reserves room for more, which many of them would waste.
  const partitions = new Array<number>(length);
  for (let i = 0; i < length; i++) partitions[i] = first + i * step;
  return partitions;
}

interface SubscribedTopic {
  readonly name: string;
  readonly partitionCount: number;
  /** The subscribers' positions in the member order, ascending. */
  readonly subscribers: readonly number[];
}

/** The topics with partitions that some member subscribes to, in name order. */
function subscribedTopics(group: Group, members: readonly GroupMember[]): SubscribedTopic[] {
  const subscribersByTopic = subscriberPositions(members);
  const topics: SubscribedTopic[] = [];
  for (const [name, subscribers] of subscribersByTopic) {
    const partitionCount = group.topics.get(name)?.partitionCount ?? 0;
    if (partitionCount > 0) topics.push({ name, partitionCount, subscribers });
  }
  return topics.sort((a, b) => compareStrings(a.name, b.name));
}

/** The index of the first subscriber at or after the cursor's position, going round to 0 past the last. */
function firstAtOrAfter(subscribers: readonly number[], cursor: number): number {
  let low = 0;
  let high = subscribers.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (subscribers[middle]! < cursor) low = middle + 1;
    else high = middle;
  }
  return low === subscribers.length ? 0 : low;
}
