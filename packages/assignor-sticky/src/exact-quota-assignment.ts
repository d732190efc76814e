import type { IndexedGroup } from './indexed-group.js';
import { NOBODY } from './nobody.js';
import { partitionNumberOrder } from './partition-number-order.js';
import { dealRoundRobin } from './round-robin-dealer.js';

/**
 * Equal subscriptions: with P partitions and N members, everyone gets q = floor(P/N) or q + 1 partitions, and
 * P mod N members get q + 1. Members claiming more than q get the q + 1 quotas first (most claims first, then
 * member order), which keeps the most claims any balanced assignment can keep. Each member keeps its claims up
 * to its quota, lowest partition numbers first across topics; the rest are dealt in partition order,
 * round-robin, to the members below their quota. O(P + N log N).
 *
 * Returns the owner of every partition.
 */
export function assignExactQuotas(group: IndexedGroup, previousOwner: Int32Array): Int32Array {
  const memberCount = group.members.length;
  const partitionTotal = group.topics.partitionTotal;
  const owner = new Int32Array(partitionTotal).fill(NOBODY);
  if (memberCount === 0 || partitionTotal === 0) return owner;

  const claims = new Int32Array(memberCount);
  for (let partition = 0; partition < partitionTotal; partition++) {
    const claimant = previousOwner[partition]!;
    if (claimant >= 0) claims[claimant]! += 1;
  }
  const quota = new Int32Array(memberCount).fill(Math.floor(partitionTotal / memberCount));
  const byClaims = Int32Array.from(quota.keys()).sort((a, b) => claims[b]! - claims[a]! || a - b);
  for (let rank = 0; rank < partitionTotal % memberCount; rank++) quota[byClaims[rank]!]! += 1;

  // Members within their quota keep every claim, in any order; only those above it choose, by partition number.
  const room = quota.slice();
  let overQuota = false;
  for (let partition = 0; partition < partitionTotal; partition++) {
    const claimant = previousOwner[partition]!;
    if (claimant < 0) continue;
    if (claims[claimant]! <= quota[claimant]!) {
      owner[partition] = claimant;
      room[claimant]! -= 1;
    } else {
      overQuota = true;
    }
  }
  if (overQuota) {
    for (const partition of partitionNumberOrder(group.topics)) {
      const claimant = previousOwner[partition]!;
      if (claimant >= 0 && claims[claimant]! > quota[claimant]! && room[claimant]! > 0) {
        owner[partition] = claimant;
        room[claimant]! -= 1;
      }
    }
  }

  const free = new Int32Array(partitionTotal);
  let freeCount = 0;
  for (let partition = 0; partition < partitionTotal; partition++) if (owner[partition]! < 0) free[freeCount++] = partition;
  const receivers = Int32Array.from(room.keys()).filter((member) => room[member]! > 0);
  dealRoundRobin(free.subarray(0, freeCount), receivers, room, (partition, member) => {
    owner[partition] = member;
  });
  return owner;
}
