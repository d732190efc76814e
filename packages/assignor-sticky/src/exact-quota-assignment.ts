import type { IndexedGroup } from './indexed-group.js';
import { NOBODY } from './nobody.js';
import { partitionNumberOrder } from './partition-number-order.js';
import type { Dealer } from './round-robin-dealer.js';

/**
 * Equal subscriptions: with P partitions and N members, everyone gets q = floor(P/N) or q + 1 partitions, and
 * P mod N members get q + 1. Members with more than q claims to keep get the q + 1 quotas first (then those
 * with the most claims, kept or not, then member order), which keeps the most claims any balanced assignment
 * can keep. Each member keeps its claims up to its quota, lowest partition numbers first across topics; the
 * rest are dealt in partition order to the members below their quota. O(P + N log N) and the dealer's cost.
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
  const room = quota.slice();
  const free = new Int32Array(partitionTotal);
  let freeCount = 0;
  const someoneAboveQuota = someAboveQuota(claims, quota);
  for (let partition = 0; partition < partitionTotal; partition++) {
    const claimant = keptOwner[partition]!;
    if (claimant >= 0 && claims[claimant]! <= quota[claimant]!) {
      owner[partition] = claimant;
      room[claimant]! -= 1;
    } else if (!someoneAboveQuota) {
      free[freeCount++] = partition;
    }
  }
  if (someoneAboveQuota) {
    for (const partition of partitionNumberOrder(group.topics)) {
      const claimant = keptOwner[partition]!;
      if (claimant >= 0 && claims[claimant]! > quota[claimant]! && room[claimant]! > 0) {
        owner[partition] = claimant;
        room[claimant]! -= 1;
      }
    }
    for (let partition = 0; partition < partitionTotal; partition++) if (owner[partition]! < 0) free[freeCount++] = partition;
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

function someAboveQuota(claims: Int32Array, quota: Int32Array): boolean {
  for (let member = 0; member < claims.length; member++) if (claims[member]! > quota[member]!) return true;
  return false;
}

function claimCounts(owners: Int32Array, memberCount: number): Int32Array {
  const claims = new Int32Array(memberCount);
  for (let partition = 0; partition < owners.length; partition++) {
    const claimant = owners[partition]!;
    if (claimant >= 0) claims[claimant]! += 1;
  }
  return claims;
}
