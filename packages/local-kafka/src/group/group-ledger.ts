import type { AssignmentMetadata, MemberAssignment } from '@kafka-assignors/core';
import { Changes } from './changes.js';

export interface HeldPartitions {
  readonly memberId: string;
  readonly partitions: readonly string[];
}

/** What each member that was assigned in a generation holds in it. */
export interface Generation {
  readonly generationId: number;
  readonly members: readonly HeldPartitions[];
}

/** What a group's members were assigned at each generation and which messages they processed. */
export class GroupLedger {
  readonly changes = new Changes();
  private readonly generations = new Map<number, HeldPartitions[]>();
  private readonly deliveriesByKey = new Map<string, number>();
  private deliveryCount = 0;

  /** A member's whole assignment, as its assignor's `onAssignment` sees it. */
  recordAssignment(assignment: MemberAssignment, { memberId, generationId }: AssignmentMetadata): void {
    const partitions = assignment.partitions.flatMap(({ topic, partitions: list }) => list.map((p) => `${topic}-${p}`));
    this.recordHolding(generationId, { memberId, partitions });
  }

  /** What a member holds in a generation, as `topic-partition`: all of it, not what the generation added. */
  recordHolding(generationId: number, held: HeldPartitions): void {
    const members = this.generations.get(generationId) ?? [];
    members.push(held);
    this.generations.set(generationId, members);
    this.changes.changed();
  }

  recordDelivery(key: string): void {
    this.deliveriesByKey.set(key, (this.deliveriesByKey.get(key) ?? 0) + 1);
    this.deliveryCount += 1;
    this.changes.changed();
  }

  get distinctMessages(): number {
    return this.deliveriesByKey.size;
  }

  /** Deliveries beyond the first of each message: at-least-once delivery allows them across a rebalance. */
  get duplicates(): number {
    return this.deliveryCount - this.deliveriesByKey.size;
  }

  /** The latest generation in which any member was assigned, with what each holds. */
  latestGeneration(): Generation | undefined {
    const latest = Math.max(-1, ...this.generations.keys());
    const members = this.generations.get(latest);
    return members === undefined ? undefined : { generationId: latest, members };
  }

  /**
   * The latest generation, if the group has settled in it: `memberCount` members were assigned, and together
   * they hold each of `partitions` exactly once. A generation can leave partitions to nobody: a cooperative
   * leader holds back a partition until its previous owner has revoked it, and assigns it a generation later.
   */
  settledGeneration(memberCount: number, partitions: readonly string[]): Generation | undefined {
    const latest = this.latestGeneration();
    if (latest?.members.length !== memberCount) return undefined;
    const held = latest.members.flatMap((member) => member.partitions);
    const expected = new Set(partitions);
    const heldOnceEach = held.length === expected.size && new Set(held).size === held.length && held.every((partition) => expected.has(partition));
    return heldOnceEach ? latest : undefined;
  }

  /** The first generation after `after` in which `memberCount` members were assigned. */
  firstGenerationOf(memberCount: number, after: number): number | undefined {
    const ids = [...this.generations].filter(([id, members]) => id > after && members.length === memberCount).map(([id]) => id);
    return ids.length === 0 ? undefined : Math.min(...ids);
  }

  /** Partitions that two members held in the same generation. */
  partitionsHeldTwice(): string[] {
    const doubles: string[] = [];
    for (const [generationId, members] of this.generations) {
      const holder = new Map<string, string>();
      for (const { memberId, partitions } of members) {
        for (const partition of partitions) {
          const other = holder.get(partition);
          if (other !== undefined) doubles.push(`generation ${generationId}: ${partition} held by ${other} and ${memberId}`);
          holder.set(partition, memberId);
        }
      }
    }
    return doubles;
  }

  describe(): string {
    return `${this.distinctMessages} distinct messages; generations ${JSON.stringify([...this.generations])}`;
  }
}
