/** Marks a partition that nobody owns yet in `RangeQuota.owners`. */
export const UNASSIGNED = -1;

/**
 * One topic's range assignment in progress (Java's TopicAssignmentState): who owns each partition, by
 * subscriber position, and how many more each subscriber may take. Every subscriber gets `base` partitions
 * and the first `extra` subscribers to go past `base` get one more, whichever phase gives it to them. A set
 * of co-partitioned topics shares one quota, since every step assigns the same index of each of its topics.
 */
export class RangeQuota {
  readonly owners: Int32Array;
  private readonly assignedCounts: Int32Array;
  private readonly base: number;
  private remainingExtra: number;
  private unassigned: number;
  /** No partition below this index is unassigned. */
  private lowestUnassigned = 0;

  constructor(
    readonly partitionCount: number,
    readonly subscriberCount: number,
  ) {
    this.owners = new Int32Array(partitionCount).fill(UNASSIGNED);
    this.assignedCounts = new Int32Array(subscriberCount);
    this.base = Math.floor(partitionCount / subscriberCount);
    this.remainingExtra = partitionCount % subscriberCount;
    this.unassigned = partitionCount;
  }

  get unassignedCount(): number {
    return this.unassigned;
  }

  /** The most partitions any subscriber may hold now: `base`, plus one while extra slots remain. */
  get cap(): number {
    return this.base + (this.remainingExtra > 0 ? 1 : 0);
  }

  /** How many more partitions the subscriber may take now. */
  maxAssignable(subscriber: number): number {
    return Math.max(0, this.cap - (this.assignedCounts[subscriber] ?? 0));
  }

  assign(subscriber: number, partition: number): void {
    this.owners[partition] = subscriber;
    const count = (this.assignedCounts[subscriber] ?? 0) + 1;
    this.assignedCounts[subscriber] = count;
    // The quota keeps a subscriber at base + 1 at most, so this is its only step past base.
    if (count > this.base) this.remainingExtra -= 1;
    this.unassigned -= 1;
  }

  /** The lowest unassigned partition at or above `from`, or `partitionCount` when there is none. */
  nextUnassigned(from: number): number {
    let partition = from;
    while (partition < this.partitionCount && this.owners[partition] !== UNASSIGNED) partition++;
    return partition;
  }

  /**
   * The plain range walk over what is left: subscribers in order, each taking the lowest unassigned
   * partitions up to its quota.
   */
  fill(): void {
    for (let subscriber = 0; subscriber < this.subscriberCount && this.unassigned > 0; subscriber++) {
      for (let quota = this.maxAssignable(subscriber); quota > 0 && this.unassigned > 0; quota--) {
        this.lowestUnassigned = this.nextUnassigned(this.lowestUnassigned);
        this.assign(subscriber, this.lowestUnassigned);
      }
    }
  }

  /** Each subscriber's partitions, ascending. */
  partitionsBySubscriber(): number[][] {
    const result: number[][] = Array.from({ length: this.subscriberCount }, () => []);
    for (let partition = 0; partition < this.partitionCount; partition++) {
      const owner = this.owners[partition] ?? UNASSIGNED;
      if (owner !== UNASSIGNED) result[owner]?.push(partition);
    }
    return result;
  }
}
