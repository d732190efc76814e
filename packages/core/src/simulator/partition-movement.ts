import type { TopicPartitions } from '../model.js';

/** How the holders of partitions changed between two rounds. */
export interface PartitionMovement {
  /** (member, partition) pairs held now and not before: a member starts consuming a partition. */
  readonly assigned: number;
  /** (member, partition) pairs held before and not now, members that are gone included. */
  readonly revoked: number;
  /** Partitions held before and now, but by none of the same members. */
  readonly moved: number;
}

export interface PartitionHolder {
  readonly name: string;
  readonly partitions: readonly TopicPartitions[];
}

/** Holder names by topic and partition; a set because an invalid round may give a partition twice. */
type Holders = Map<string, Map<number, Set<string>>>;

function holdersOf(members: readonly PartitionHolder[]): Holders {
  const holders: Holders = new Map();
  for (const { name, partitions } of members) {
    for (const { topic, partitions: list } of partitions) {
      const byPartition = holders.get(topic) ?? new Map<number, Set<string>>();
      holders.set(topic, byPartition);
      for (const partition of list) byPartition.set(partition, (byPartition.get(partition) ?? new Set()).add(name));
    }
  }
  return holders;
}

export function partitionMovement(previous: readonly PartitionHolder[], current: readonly PartitionHolder[]): PartitionMovement {
  const before = holdersOf(previous);
  const after = holdersOf(current);
  let assigned = 0;
  let revoked = 0;
  let moved = 0;
  for (const [topic, byPartition] of after) {
    for (const [partition, holders] of byPartition) {
      const previousHolders = before.get(topic)?.get(partition) ?? new Set<string>();
      for (const holder of holders) if (!previousHolders.has(holder)) assigned += 1;
      if (previousHolders.size > 0 && ![...holders].some((holder) => previousHolders.has(holder))) moved += 1;
    }
  }
  for (const [topic, byPartition] of before) {
    for (const [partition, holders] of byPartition) {
      const currentHolders = after.get(topic)?.get(partition);
      for (const holder of holders) if (currentHolders?.has(holder) !== true) revoked += 1;
    }
  }
  return { assigned, revoked, moved };
}
