import type { Group, GroupAssignment } from '@kafka-assignors/core';
import { ClaimBook } from './claim-book.js';
import { assignExactQuotas } from './exact-quota-assignment.js';
import { freshGroupAssignment } from './fresh-group-assignment.js';
import { groupAssignment } from './group-assignment.js';
import { indexGroup, type IndexedGroup } from './indexed-group.js';
import { partitionsByOwner } from './partitions-by-member.js';
import { rackAwareDealer } from './rack-aware-dealer.js';
import { RackMatching } from './rack-matching.js';
import { dealRoundRobin } from './round-robin-dealer.js';
import { assignUnequalSubscriptions } from './unequal-subscription-assignment.js';

/** Adjusts the owner of every partition, given the previous owners, before the result is built. */
export type OwnerAdjustment = (previousOwner: Int32Array, owner: Int32Array) => void;

/** What differs between the two sticky protocols: where claims come from, and what happens to the result. */
export interface StickyProtocol {
  /** Records every member's valid claims, with the generation they are from; returns what to adjust before the result is sent, or null for nothing. */
  readClaims(group: IndexedGroup, book: ClaimBook): OwnerAdjustment | null;
}

/** The sticky algorithm of this package's README, for either protocol. */
export function assignSticky(group: Group, protocol: StickyProtocol): GroupAssignment {
  const indexed = indexGroup(group);
  const book = new ClaimBook(indexed.topics.partitionTotal);
  const adjustment = protocol.readClaims(indexed, book);
  const racks = RackMatching.of(group, indexed);
  if (indexed.equalSubscriptions && racks === null && !book.hasClaims && adjustment === null) {
    // A fresh group without racks: the exact quotas' result in closed form.
    return freshGroupAssignment(indexed);
  }
  const previousOwner = book.previousOwners();
  // Where racks apply, a claim off the member's rack is not kept: its partition is dealt with the free ones.
  const keptOwner = racks === null ? previousOwner : racks.matchingOwners(previousOwner);
  const deal = racks === null ? dealRoundRobin : rackAwareDealer(racks, previousOwner);
  const owner = indexed.equalSubscriptions ? assignExactQuotas(indexed, previousOwner, keptOwner, deal) : assignUnequalSubscriptions(indexed, keptOwner, deal);
  adjustment?.(previousOwner, owner);
  return groupAssignment(indexed, partitionsByOwner(owner, indexed.members.length));
}
