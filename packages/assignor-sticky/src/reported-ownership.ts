import type { Subscription } from '@kafka-assignors/core';
import type { ClaimBook } from './claim-book.js';
import { decodeCooperativeStickyUserData } from './cooperative-sticky-user-data.js';
import type { IndexedGroup } from './indexed-group.js';
import { NOBODY } from './nobody.js';
import type { OwnerAdjustment } from './sticky-assignment.js';
import { subscribesTo } from './subscribes-to.js';

const UNKNOWN_GENERATION = -1;

/**
 * The generation a cooperative member's owned partitions belong to, read as Java's CooperativeStickyAssignor
 * reads it: the subscription's field (consumer-protocol v2+), else the four bytes of user data, else unknown.
 */
function cooperativeGeneration({ generationId, userData }: Subscription): number {
  if (generationId >= 0) return generationId;
  return decodeCooperativeStickyUserData(userData) ?? UNKNOWN_GENERATION;
}

/** Who reports each partition: the first member to, and whether another member does too. */
interface Reports {
  readonly firstReporter: Int32Array;
  readonly severalReporters: Uint8Array;
}

/**
 * What `cooperative-sticky` members report owning, read once for both uses: their claims (the owned partitions
 * of their subscriptions, dropping those of topics the member no longer subscribes to, that no longer exist,
 * or past a topic's partition count), and who still reports each partition, whatever its topic's subscribers,
 * for the hand-over.
 */
export class ReportedOwnership {
  /** Allocated at the first report: in a fresh group nobody reports anything. */
  private reports: Reports | null = null;
  private partitionTotal = 0;

  /** Records the claims; returns the hand-over, or null when nobody reports owning anything. */
  readClaims(group: IndexedGroup, book: ClaimBook): OwnerAdjustment | null {
    const { topics, memberTopics, equalSubscriptions } = group;
    this.partitionTotal = topics.partitionTotal;
    group.members.forEach(({ subscription }, member) => {
      if (subscription.ownedPartitions.length === 0) return;
      const generation = cooperativeGeneration(subscription);
      const subscribed = memberTopics[member]!;
      for (const { topic: name, partitions } of subscription.ownedPartitions) {
        const topic = topics.idOf(name);
        if (topic < 0) continue;
        const claims = equalSubscriptions || subscribesTo(subscribed, topic);
        const first = topics.firstPartition[topic]!;
        const partitionCount = topics.partitionCount(topic);
        for (const partition of partitions) {
          if (partition < 0 || partition >= partitionCount) continue;
          this.report(member, first + partition);
          if (claims) book.claim(member, generation, first + partition);
        }
      }
    });
    const reports = this.reports;
    return reports === null ? null : (previousOwner, owner) => withholdPartitionsStillReported(reports, previousOwner, owner);
  }

  private report(member: number, partition: number): void {
    const { firstReporter, severalReporters } = (this.reports ??= {
      firstReporter: new Int32Array(this.partitionTotal).fill(NOBODY),
      severalReporters: new Uint8Array(this.partitionTotal),
    });
    const reporter = firstReporter[partition]!;
    if (reporter < 0) firstReporter[partition] = member;
    else if (reporter !== member) severalReporters[partition] = 1;
  }
}

/**
 * The cooperative hand-over (KIP-429): a partition given to someone other than its previous owner is taken
 * back for this round when another member still reports owning it, because that member may still be
 * consuming it. The reporter loses it from its assignment, revokes it and rejoins, and the next round assigns
 * it. A partition whose claimants cancelled each other out has no previous owner, so it waits until all of
 * them let go.
 */
function withholdPartitionsStillReported({ firstReporter, severalReporters }: Reports, previousOwner: Int32Array, owner: Int32Array): void {
  for (let partition = 0; partition < owner.length; partition++) {
    const receiver = owner[partition]!;
    if (receiver < 0 || previousOwner[partition] === receiver) continue;
    const reporter = firstReporter[partition]!;
    if (reporter >= 0 && (severalReporters[partition] === 1 || reporter !== receiver)) owner[partition] = NOBODY;
  }
}
