/** Each member's partitions, ascending: member m's are `partitions[start[m]]` up to `partitions[start[m + 1]]`. */
export interface PartitionsByMember {
  readonly start: Int32Array;
  readonly partitions: Int32Array;
}

/** Lined up from the owner of every partition (NOBODY for none) by a counting sort, in partition order. O(P + N). */
export function partitionsByOwner(owner: Int32Array, memberCount: number): PartitionsByMember {
  const start = new Int32Array(memberCount + 1);
  for (let partition = 0; partition < owner.length; partition++) {
    const member = owner[partition]!;
    if (member >= 0) start[member + 1]! += 1;
  }
  for (let member = 0; member < memberCount; member++) start[member + 1]! += start[member]!;
  const partitions = new Int32Array(start[memberCount]!);
  const filled = start.slice(0, memberCount);
  for (let partition = 0; partition < owner.length; partition++) {
    const member = owner[partition]!;
    if (member >= 0) partitions[filled[member]!++] = partition;
  }
  return { start, partitions };
}
