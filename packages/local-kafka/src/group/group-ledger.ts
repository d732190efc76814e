import type { AssignmentMetadata, MemberAssignment } from '@kafka-assignors/core';
import { Changes } from './changes.js';

export interface HeldPartitions {
  readonly memberId: string;
  readonly partitions: readonly string[];
}

/** What a group's members were assigned at each generation and which messages they processed. */
export class GroupLedger {
  readonly changes = new Changes();
  private readonly generations = new Map<number, HeldPartitions[]>();
  private readonly deliveriesByKey = new Map<string, number>();
  private deliveryCount = 0;

  recordAssignment(assignment: MemberAssignment, { memberId, generationId }: AssignmentMetadata): void {
    const partitions = assignment.partitions.flatMap(({ topic, partitions: list }) => list.map((p) => `${topic}-${p}`));
    const held = this.generations.get(generationId) ?? [];
    held.push({ memberId, partitions });
    this.generations.set(generationId, held);
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

  /** The latest generation in which `memberCount` members were assigned, with what each holds. */
  latestGeneration(): { generationId: number; members: readonly HeldPartitions[] } | undefined {
    const latest = Math.max(-1, ...this.generations.keys());
    const members = this.generations.get(latest);
    return members === undefined ? undefined : { generationId: latest, members };
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
