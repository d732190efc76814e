import { NO_RACK, type PartitionRacks } from '@kafka-assignors/core/internal';
import type { RangeQuota } from './range-quota.js';

/**
 * The rack phase of co-partitioned topics: topics with the same subscribers and the same partition count,
 * which keep partition p of every one of them on the same member. For each index p in turn, the first
 * subscriber (in order) that has quota left and whose rack holds a replica of partition p of every topic of
 * the set (a subscriber without a rack matches all) gets index p; an index that no subscriber matches is
 * left to the range fill. Co-partitioning comes before rack alignment.
 *
 * Subscribers wait in one queue per rack (and one for those without a rack), in order. A subscriber that
 * has no quota left never gets any back while the cap stays the same, so each queue's head only moves
 * forward; the cap drops once, when the last extra slot is taken, and the heads start over then. Cost:
 * O(p x (topics x replicas^2 + racks)) for p partition indices, plus O(subscribers) per queue pass.
 */
export function assignCoPartitionedByRack(quota: RangeQuota, subscriberRacks: Int32Array, topicRacks: readonly PartitionRacks[]): void {
  const queues = new RackQueues(subscriberRacks);
  let cap = quota.cap;
  for (let partition = 0; partition < quota.partitionCount; partition++) {
    if (quota.cap !== cap) {
      cap = quota.cap;
      queues.restart();
    }
    let chosen = queues.firstWithQuota(NO_RACK, quota);
    for (const rack of commonRacks(topicRacks, partition)) {
      const candidate = queues.firstWithQuota(rack, quota);
      if (candidate !== undefined && (chosen === undefined || candidate < chosen)) chosen = candidate;
    }
    if (chosen !== undefined) quota.assign(chosen, partition);
  }
}

/** The racks that hold a replica of partition `partition` of every topic. */
function commonRacks(topicRacks: readonly PartitionRacks[], partition: number): number[] {
  const [first, ...others] = topicRacks;
  if (first === undefined) return [];
  return [...first.racksOf(partition)].filter((rack) => others.every((racks) => racks.hasReplicaOn(partition, rack)));
}

/** Subscriber positions by rack, ascending, each list with a head before which nobody has quota left. */
class RackQueues {
  private readonly queues = new Map<number, { readonly subscribers: number[]; head: number }>();

  constructor(subscriberRacks: Int32Array) {
    subscriberRacks.forEach((rack, subscriber) => {
      let queue = this.queues.get(rack);
      if (queue === undefined) this.queues.set(rack, (queue = { subscribers: [], head: 0 }));
      queue.subscribers.push(subscriber);
    });
  }

  restart(): void {
    for (const queue of this.queues.values()) queue.head = 0;
  }

  firstWithQuota(rack: number, quota: RangeQuota): number | undefined {
    const queue = this.queues.get(rack);
    if (queue === undefined) return undefined;
    while (queue.head < queue.subscribers.length && quota.maxAssignable(queue.subscribers[queue.head] ?? 0) === 0) queue.head++;
    return queue.subscribers[queue.head];
  }
}
