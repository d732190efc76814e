/**
 * The fewest previous (member, partition) pairs that any balanced assignment must break when every member
 * subscribes to the same topics: with P partitions and N members, counts are q = floor(P/N) or q + 1, and
 * only P mod N members get q + 1. A member keeps at most min(claims, its count), so at most
 * sum(min(claims, q)) + min(P mod N, members claiming more than q) pairs survive.
 *
 * `claimCounts` holds, for each member of the group, how many partitions it validly claims after conflicts
 * are resolved (so they add up to at most P). The equal-subscription path of the sticky assignors breaks
 * exactly this many.
 */
export function minimumPartitionMoves(claimCounts: readonly number[], partitionCount: number): number {
  const memberCount = claimCounts.length;
  const claimed = claimCounts.reduce((total, claims) => total + claims, 0);
  if (claimed > partitionCount) throw new RangeError(`${claimed} claimed partitions cannot be more than the ${partitionCount} partitions`);
  if (memberCount === 0) return 0;
  const quota = Math.floor(partitionCount / memberCount);
  const largerQuotas = partitionCount % memberCount;
  const keptWithinQuota = claimCounts.reduce((total, claims) => total + Math.min(claims, quota), 0);
  const claimingMore = claimCounts.filter((claims) => claims > quota).length;
  return claimed - keptWithinQuota - Math.min(largerQuotas, claimingMore);
}
