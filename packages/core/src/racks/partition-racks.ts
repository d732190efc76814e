import type { TopicMetadata } from '../model.js';
import type { RackIds } from './rack-ids.js';

/**
 * The racks of each partition's replicas, as rack ids without repeats, all replicas counted (in sync or not),
 * as the Java client counts them. It covers one topic or several: the partitions of the topics, in the order
 * given, are numbered from 0 on.
 */
export class PartitionRacks {
  private constructor(
    /** Partition p's racks are `racks[offsets[p]]` up to `racks[offsets[p + 1]]`. */
    private readonly offsets: Int32Array,
    private readonly racks: Int32Array,
    /** Every rack that holds a replica of some partition. */
    readonly allRacks: ReadonlySet<number>,
  ) {}

  static of(topics: readonly TopicMetadata[], rackIds: RackIds): PartitionRacks {
    const partitionTotal = topics.reduce((total, { partitionCount }) => total + partitionCount, 0);
    const offsets = new Int32Array(partitionTotal + 1);
    // Three replicas per partition to start with; grown when there are more.
    let racks = new Int32Array(3 * partitionTotal);
    const allRacks = new Set<number>();
    let end = 0;
    let at = 0;
    for (const { partitionCount, replicaRacks } of topics) {
      for (let partition = 0; partition < partitionCount; partition++) {
        const replicas = replicaRacks?.[partition] ?? [];
        if (end + replicas.length > racks.length) {
          const grown = new Int32Array(2 * (end + replicas.length));
          grown.set(racks);
          racks = grown;
        }
        const start = end;
        for (let replica = 0; replica < replicas.length; replica++) {
          const id = rackIds.idOf(replicas[replica]!);
          if (includesBetween(racks, start, end, id)) continue;
          racks[end++] = id;
          allRacks.add(id);
        }
        offsets[++at] = end;
      }
    }
    return new PartitionRacks(offsets, racks.subarray(0, end), allRacks);
  }

  get partitionCount(): number {
    return this.offsets.length - 1;
  }

  racksOf(partition: number): Int32Array {
    return this.racks.subarray(this.offsets[partition], this.offsets[partition + 1]);
  }

  /** Partition p's racks, without allocating: `rackAt(i)` for i from `firstRackIndex(p)` up to `firstRackIndex(p + 1)`. */
  firstRackIndex(partition: number): number {
    return this.offsets[partition] ?? 0;
  }

  rackAt(index: number): number {
    return this.racks[index] ?? 0;
  }

  hasReplicaOn(partition: number, rack: number): boolean {
    return includesBetween(this.racks, this.offsets[partition] ?? 0, this.offsets[partition + 1] ?? 0, rack);
  }

  /**
   * The KIP-881 gate (Java's useRackAwareAssignment) for these partitions: the members' racks meet the
   * replicas' racks, and some partition is missing from some rack, so that aligning racks can gain anything.
   * When every partition is on every rack the plain assignment runs unchanged.
   */
  needsRackAwareAssignment(memberRacks: ReadonlySet<number>): boolean {
    if (![...memberRacks].some((rack) => this.allRacks.has(rack))) return false;
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
