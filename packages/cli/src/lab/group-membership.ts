import type { LabEvent, LabTopic } from './lab-history.js';

/**
 * Who is in the group and which topics exist, round after round, without any assignor: membership does not
 * depend on assignments. The generator draws events that make sense from it, and a script is checked with it.
 */
export class GroupMembership {
  private readonly running = new Set<string>();
  private readonly zombies = new Set<string>();
  private readonly partitionCounts = new Map<string, number>();

  constructor(topics: readonly LabTopic[]) {
    for (const topic of topics) this.partitionCounts.set(topic.name, topic.partitions);
  }

  /** Running members, in the order they joined. */
  get members(): readonly string[] {
    return [...this.running];
  }

  /** Expired members whose processes may rejoin. */
  get expired(): readonly string[] {
    return [...this.zombies];
  }

  /** Topics that exist now. */
  get topics(): readonly string[] {
    return [...this.partitionCounts.keys()];
  }

  isRunning(member: string): boolean {
    return this.running.has(member);
  }

  isExpired(member: string): boolean {
    return this.zombies.has(member);
  }

  partitionCount(topic: string): number {
    return this.partitionCounts.get(topic) ?? 0;
  }

  /** Applies an event that makes sense now (see `LabEvent`). */
  apply(event: LabEvent): void {
    switch (event.event) {
      case 'join':
        this.running.add(event.member);
        return;
      case 'leave':
      case 'crash':
        this.running.delete(event.member);
        return;
      case 'expire':
        this.running.delete(event.member);
        this.zombies.add(event.member);
        return;
      case 'rejoin':
        this.zombies.delete(event.member);
        this.running.add(event.member);
        return;
      case 'subscribe':
        return;
      case 'add-partitions':
        this.partitionCounts.set(event.topic, this.partitionCount(event.topic) + event.count);
        return;
      case 'delete-topic':
        this.partitionCounts.delete(event.topic);
        return;
    }
  }
}
