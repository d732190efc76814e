import type { Group, GroupAssignment } from '@kafka-assignors/core';
import { ClaimBook } from './claim-book.js';
import { assignExactQuotas, assignFreshQuotas } from './exact-quota-assignment.js';
import { groupAssignment } from './group-assignment.js';
import { indexGroup, type IndexedGroup } from './indexed-group.js';
import { rackAwareDealer } from './rack-aware-dealer.js';
import { RackMatching } from './rack-matching.js';
import { dealRoundRobin } from './round-robin-dealer.js';
import { assignUnequalSubscriptions } from './unequal-subscription-assignment.js';

/** What differs between the two sticky protocols: where claims come from, and what happens to the result. */
export interface StickyProtocol {
  /** Records every member's valid claims, with the generation they are from. */
  readClaims(group: IndexedGroup, book: ClaimBook): void;
  /** Adjusts the owner of every partition before it is sent. */
  finish?(previousOwner: Int32Array, owner: Int32Array): void;
}

/** The sticky algorithm of this package's README, for either protocol. */
export function assignSticky(group: Group, protocol: StickyProtocol): GroupAssignment {
  const indexed = indexGroup(group);
  const book = new ClaimBook(indexed.topics.partitionTotal);
  protocol.readClaims(indexed, book);
  const previousOwner = book.previousOwners();
  // Where racks apply, a claim off the member's rack is not kept: its partition is dealt with the free ones.
  const racks = RackMatching.of(group, indexed);
  const keptOwner = racks === null ? previousOwner : racks.matchingOwners(previousOwner);
  const deal = racks === null ? dealRoundRobin : rackAwareDealer(racks, previousOwner);
  let owner: Int32Array;
  if (!indexed.equalSubscriptions) owner = assignUnequalSubscriptions(indexed, keptOwner, deal);
  else if (racks === null && !book.hasClaims) owner = assignFreshQuotas(indexed);
  else owner = assignExactQuotas(indexed, previousOwner, keptOwner, deal);
  protocol.finish?.(previousOwner, owner);
  return groupAssignment(indexed, owner);
}
