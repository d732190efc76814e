const lists: (readonly number[] | undefined)[] = [];

/**
 * A frozen one-partition list, the same array for every call with the same partition number. Spreading many
 * topics over many members makes one-partition entries the common case (a million partitions over 2,000
 * members and 500 topics are a million of them); sharing their lists saves most of an assignment's memory.
 */
export function singlePartition(partition: number): readonly number[] {
  return (lists[partition] ??= Object.freeze([partition]));
}
