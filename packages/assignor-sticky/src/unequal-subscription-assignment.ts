import { flowTowardAverage } from './flow-toward-average.js';
import { placeFreePartitions } from './free-partition-placement.js';
import { Holdings } from './holdings.js';
import type { IndexedGroup } from './indexed-group.js';
import { partitionNumberOrder } from './partition-number-order.js';
import type { Dealer } from './round-robin-dealer.js';
import { balanceAlongStealPaths } from './steal-path-balancing.js';
import { topicClasses } from './topic-classes.js';

/**
 * How much searching for cheapest steal paths that give up claims is worth, in (member, class) pairs visited,
 * before the rest of the claims to move are moved in bulk by a flow that does not weigh which ones it gives
 * up: a round visits every member and pair once. Groups that changed by a few members finish well within it;
 * a group where a whole new set of members must take over (hundreds of rounds) gets the flow.
 */
const CHEAPEST_PATH_BUDGET = 1 << 22;
const MIN_CHEAPEST_PATH_ROUNDS = 8;

/**
 * Unequal subscriptions: every previous owner keeps its claims, the free partitions are placed by
 * water-filling, then counts are evened out along steal paths, first moving only partitions that were not
 * kept claims (starting with a bulk move toward the average count), then giving up claims where balance
 * needs it, cheapest paths first. The first phase makes the counts as even as they can be without moving a
 * claim, so if some most-even assignment keeps every claim, the second finds nothing to do.
 *
 * `keptOwner` is the previous owner of each partition whose claim may be kept (all of them, unless racks
 * apply). Returns the owner of every partition.
 */
export function assignUnequalSubscriptions(group: IndexedGroup, keptOwner: Int32Array, deal: Dealer): Int32Array {
  const classes = topicClasses(group);
  const holdings = new Holdings(classes, keptOwner, group.members.length);
  for (const partition of partitionNumberOrder(group.topics)) {
    const claimant = keptOwner[partition]!;
    if (claimant >= 0) holdings.give(partition, claimant);
  }
  placeFreePartitions(group, classes, holdings, deal);
  flowTowardAverage(classes, holdings, false);
  balanceAlongStealPaths(classes, holdings, false);
  const roundCost = group.members.length + classes.pairClass.length;
  const cheapestPathRounds = Math.max(MIN_CHEAPEST_PATH_ROUNDS, Math.floor(CHEAPEST_PATH_BUDGET / roundCost));
  if (!balanceAlongStealPaths(classes, holdings, true, cheapestPathRounds)) {
    flowTowardAverage(classes, holdings, true);
    balanceAlongStealPaths(classes, holdings, true);
  }
  return holdings.owner;
}
