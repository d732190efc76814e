/** Partition numbers below this share their lists; a list for a higher one is made at each call. */
const SHARED_BELOW = 1 << 16;
/** Every shared list, by partition number, filled densely: an array with gaps could turn into a slow dictionary. */
const lists: (readonly number[])[] = [];

/**
 * A frozen one-partition list, the same array for every call with the same partition number (below 65,536).
 * Spreading many topics over many members makes one-partition entries the common case (a million partitions
 * over 2,000 members and 500 topics are a million of them); sharing their lists saves most of an assignment's
 * memory.
 */
export function singlePartition(partition: number): readonly number[] {
  if (partition < lists.length) return lists[partition]!;
  if (partition >= SHARED_BELOW) return Object.freeze([partition]);
  for (let number = lists.length; number <= partition; number++) lists.push(Object.freeze([number]));
  return lists[partition]!;
}
