import type { TopicMetadata } from '@kafka-assignors/core';
import type { RackIds } from './rack-ids.js';

/**
 * The racks of each partition's replicas for one topic, as rack ids without repeats, all replicas counted
 * (in sync or not), as the Java client counts them.
 */
export class PartitionRacks {
  private constructor(
    /** Partition p's racks are `racks[offsets[p]]` up to `racks[offsets[p + 1]]`. */
    private readonly offsets: Int32Array,
    private readonly racks: Int32Array,
    /** Every rack that holds a replica of some partition of the topic. */
    readonly allRacks: ReadonlySet<number>,
  ) {}

  static of(metadata: TopicMetadata, rackIds: RackIds): PartitionRacks {
    const { partitionCount, replicaRacks } = metadata;
    let replicaCount = 0;
    for (let partition = 0; partition < partitionCount; partition++) replicaCount += replicaRacks?.[partition]?.length ?? 0;

    const offsets = new Int32Array(partitionCount + 1);
    const racks = new Int32Array(replicaCount);
    const allRacks = new Set<number>();
    let end = 0;
    for (let partition = 0; partition < partitionCount; partition++) {
      const start = end;
      for (const rack of replicaRacks?.[partition] ?? []) {
        const id = rackIds.idOf(rack);
        if (includesBetween(racks, start, end, id)) continue;
        racks[end++] = id;
        allRacks.add(id);
      }
      offsets[partition + 1] = end;
    }
    return new PartitionRacks(offsets, racks.subarray(0, end), allRacks);
  }

  get partitionCount(): number {
    return this.offsets.length - 1;
  }

  racksOf(partition: number): Int32Array {
    return this.racks.subarray(this.offsets[partition], this.offsets[partition + 1]);
  }

  hasReplicaOn(partition: number, rack: number): boolean {
    return includesBetween(this.racks, this.offsets[partition] ?? 0, this.offsets[partition + 1] ?? 0, rack);
  }

  /**
   * The KIP-881 gate for this topic (Java's useRackAwareAssignment): the subscribers' racks meet the
   * replicas' racks, and some partition is missing from some rack, so that aligning racks can gain anything.
   * When every partition is on every rack the plain range assignment runs unchanged.
   */
  needsRackAwareAssignment(subscriberRacks: ReadonlySet<number>): boolean {
    if (![...subscriberRacks].some((rack) => this.allRacks.has(rack))) return false;
    for (let partition = 0; partition < this.partitionCount; partition++) {
      if ((this.offsets[partition + 1] ?? 0) - (this.offsets[partition] ?? 0) < this.allRacks.size) return true;
    }
    return false;
  }

  /** The partitions with a replica on each rack, ascending. */
  partitionsByRack(): Map<number, number[]> {
    const result = new Map<number, number[]>();
    for (let partition = 0; partition < this.partitionCount; partition++) {
      for (let i = this.offsets[partition] ?? 0; i < (this.offsets[partition + 1] ?? 0); i++) {
        const rack = this.racks[i] ?? 0;
        let partitions = result.get(rack);
        if (partitions === undefined) result.set(rack, (partitions = []));
        partitions.push(partition);
      }
    }
    return result;
  }
}

function includesBetween(values: Int32Array, start: number, end: number, value: number): boolean {
  for (let i = start; i < end; i++) if (values[i] === value) return true;
  return false;
}
