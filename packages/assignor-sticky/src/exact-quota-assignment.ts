import type { IndexedGroup } from './indexed-group.js';
import { NOBODY } from './nobody.js';
import type { Dealer } from './round-robin-dealer.js';
import type { TopicIndex } from './topic-index.js';

/**
 * Equal subscriptions: with P partitions and N members, everyone gets q = floor(P/N) or q + 1 partitions, and
 * P mod N members get q + 1. Members with more than q claims to keep get the q + 1 quotas first (then those
 * with the most claims, kept or not, then member order), which keeps the most claims any balanced assignment
 * can keep. Each member keeps its claims up to its quota, lowest partition numbers first across topics; the
 * rest are dealt in partition order to the members below their quota. O(P + N log N + C log C), C the claims
 * of members above their quota, and the dealer's cost.
 *
 * `keptOwner` is the previous owner of each partition whose claim may be kept (all of them, unless racks
 * apply). Returns the owner of every partition.
 */
export function assignExactQuotas(group: IndexedGroup, previousOwner: Int32Array, keptOwner: Int32Array, deal: Dealer): Int32Array {
  const memberCount = group.members.length;
  const partitionTotal = group.topics.partitionTotal;
  const owner = new Int32Array(partitionTotal).fill(NOBODY);
  if (memberCount === 0 || partitionTotal === 0) return owner;

  const claims = claimCounts(keptOwner, memberCount);
  // After them, the members with the most claims in all, those off their rack included: a member that held
  // q + 1 keeps q + 1, so that a partition left off its rack stays where it is in the next round.
  const allClaims = keptOwner === previousOwner ? claims : claimCounts(previousOwner, memberCount);
  const baseQuota = Math.floor(partitionTotal / memberCount);
  const quota = new Int32Array(memberCount).fill(baseQuota);
  const byClaims = rankByClaims(claims, allClaims, baseQuota);
  for (let rank = 0; rank < partitionTotal % memberCount; rank++) quota[byClaims[rank]!]! += 1;

  // Members within their quota keep every claim, in any order; only those above it choose, by partition number.
  // Their claims wait at the end of `free`, which the free partitions fill from the start.
  const room = quota.slice();
  let free: Int32Array = new Int32Array(partitionTotal);
  let freeCount = 0;
  let aboveQuotaAt = partitionTotal;
  for (let partition = 0; partition < partitionTotal; partition++) {
    const claimant = keptOwner[partition]!;
    if (claimant < 0) {
      free[freeCount++] = partition;
    } else if (claims[claimant]! <= quota[claimant]!) {
      owner[partition] = claimant;
      room[claimant]! -= 1;
    } else {
      free[--aboveQuotaAt] = partition;
    }
  }
  if (aboveQuotaAt < partitionTotal) {
    const givenUp = keepLowestNumbers(group.topics, free.subarray(aboveQuotaAt).reverse(), keptOwner, room, owner);
    free = mergeAscending(free.subarray(0, freeCount), givenUp);
    freeCount = free.length;
  }
  const receivers = membersWithRoom(room);
  deal(free.subarray(0, freeCount), receivers, room, (partition, member) => {
    owner[partition] = member;
  });
  return owner;
}

/** Members over the base quota first, then those with the most claims in all, then by member order. */
function rankByClaims(claims: Int32Array, allClaims: Int32Array, baseQuota: number): Int32Array {
  const members = new Int32Array(claims.length);
  for (let member = 0; member < members.length; member++) members[member] = member;
  // In a fresh group nobody claims anything, and member order is the ranking.
  if (allClaims.every((count) => count === 0)) return members;
  const overBase = (member: number) => (claims[member]! > baseQuota ? 1 : 0);
  return members.sort((a, b) => overBase(b) - overBase(a) || allClaims[b]! - allClaims[a]! || a - b);
}

/** The members with room left, in member order (a plain loop: building it from `room.keys()` took a fifth of the step). */
function membersWithRoom(room: Int32Array): Int32Array {
  let count = 0;
  for (let member = 0; member < room.length; member++) if (room[member]! > 0) count += 1;
  const members = new Int32Array(count);
  for (let member = 0, at = 0; member < room.length; member++) if (room[member]! > 0) members[at++] = member;
  return members;
}

/**
 * Each member above its quota keeps `room` of the partitions it claims in `claimed` (ascending, every one claimed
 * by a member above its quota), the lowest numbers within their topics first and, among equal numbers, topics by
 * name: the order of `partitionNumberOrder`, sorted within each member's own claims instead of walked over every
 * partition, which took a fifth of a member joining 50,000 partitions. Returns the partitions given up,
 * ascending. O(N + C log C) for C claims.
 */
function keepLowestNumbers(topics: TopicIndex, claimed: Int32Array, keptOwner: Int32Array, room: Int32Array, owner: Int32Array): Int32Array {
  const { firstPartition, topicCount } = topics;
  const memberCount = room.length;
  const start = new Int32Array(memberCount + 1);
  for (let index = 0; index < claimed.length; index++) start[keptOwner[claimed[index]!]! + 1]! += 1;
  for (let member = 0; member < memberCount; member++) start[member + 1]! += start[member]!;
  // A claim's place in that order is number × topicCount + topic: below the square of the partition total, so
  // exact as a double up to 94 million partitions. Grouped by claimant, and sorted natively.
  const places = new Float64Array(claimed.length);
  const filled = start.slice(0, memberCount);
  for (let index = 0, topic = 0; index < claimed.length; index++) {
    const partition = claimed[index]!;
    while (partition >= firstPartition[topic + 1]!) topic += 1;
    places[filled[keptOwner[partition]!]!++] = (partition - firstPartition[topic]!) * topicCount + topic;
  }
  const givenUp = new Int32Array(claimed.length);
  let givenUpCount = 0;
  for (let member = 0; member < memberCount; member++) {
    if (start[member] === start[member + 1]) continue;
    const own = places.subarray(start[member], start[member + 1]).sort();
    for (let index = 0; index < own.length; index++) {
      const topic = own[index]! % topicCount;
      const partition = firstPartition[topic]! + (own[index]! - topic) / topicCount;
      if (index < room[member]!) owner[partition] = member;
      else givenUp[givenUpCount++] = partition;
    }
    room[member] = Math.max(0, room[member]! - own.length);
  }
  return givenUp.subarray(0, givenUpCount).sort();
}

/** Two ascending lists as one. */
function mergeAscending(a: Int32Array, b: Int32Array): Int32Array {
  const merged = new Int32Array(a.length + b.length);
  let fromA = 0;
  let fromB = 0;
  for (let at = 0; at < merged.length; at++) merged[at] = fromB === b.length || (fromA < a.length && a[fromA]! < b[fromB]!) ? a[fromA++]! : b[fromB++]!;
  return merged;
}

function claimCounts(owners: Int32Array, memberCount: number): Int32Array {
  const claims = new Int32Array(memberCount);
  for (let partition = 0; partition < owners.length; partition++) {
    const claimant = owners[partition]!;
    if (claimant >= 0) claims[claimant]! += 1;
  }
  return claims;
}
