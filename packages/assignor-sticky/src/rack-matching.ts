import { type Group } from '@kafka-assignors/core';
import { memberRacks, NO_RACK, PartitionRacks, RackIds } from '@kafka-assignors/core/internal';
import type { IndexedGroup } from './indexed-group.js';
import { NOBODY } from './nobody.js';

/**
 * Which member may take which partition without reading across racks (KIP-881), for a group where racks
 * apply: a member matches a partition when it has no rack or one of the partition's replicas is on its rack.
 * A partition whose replicas' racks are unknown matches only members without a rack, as in Java.
 */
export class RackMatching {
  private constructor(
    /** Each member's rack id, NO_RACK for none. Member racks are numbered first: 0 up to `memberRackCount`. */
    readonly memberRack: Int32Array,
    readonly memberRackCount: number,
    /** The racks of every partition, by partition number. */
    readonly partitionRacks: PartitionRacks,
  ) {}

  /**
   * The rack matching of the group, or null when racks do not apply, which is Java's gate taken once for the
   * whole assignment: some member has a rack, some member's rack holds replicas, and some partition is not on
   * every rack that holds replicas. Metadata is read only when some member has a rack.
   */
  static of(group: Group, indexed: IndexedGroup): RackMatching | null {
    const rackIds = new RackIds();
    const memberRack = memberRacks(indexed.members, rackIds);
    const memberRackCount = rackIds.size;
    if (memberRackCount === 0) return null;
    const topics = indexed.topics.names.map((name) => group.topics.get(name)!);
    const partitionRacks = PartitionRacks.of(topics, rackIds);
    const racksOfMembers = new Set(Array.from({ length: memberRackCount }, (_, rack) => rack));
    if (!partitionRacks.needsRackAwareAssignment(racksOfMembers)) return null;
    return new RackMatching(memberRack, memberRackCount, partitionRacks);
  }

  matches(member: number, partition: number): boolean {
    const rack = this.memberRack[member]!;
    return rack === NO_RACK || this.partitionRacks.hasReplicaOn(partition, rack);
  }

  /** The previous owners, without those that do not match their partition: only matching claims are kept. */
  matchingOwners(previousOwner: Int32Array): Int32Array {
    const owners = previousOwner.slice();
    for (let partition = 0; partition < owners.length; partition++) {
      const owner = owners[partition]!;
      if (owner >= 0 && !this.matches(owner, partition)) owners[partition] = NOBODY;
    }
    return owners;
  }
}
