import type { AssignmentJson, Scenario } from '@kafka-assignors/core/scenario';

/** How good a sticky result is, measured the same way for ours and the Java client's. */
export interface StickyMeasures {
  /** (lighter, heavier) pairs where the lighter member, two or more below, could take a partition of the heavier. */
  readonly localImbalances: number;
  /** The same through chains of takes. */
  readonly chainImbalances: number;
  /** The largest count minus the smallest. */
  readonly spread: number;
  /** Java's balance score: the sum over pairs of members of the difference of their counts. */
  readonly pairScore: number;
  /** Previous (member, partition) pairs not kept. */
  readonly moves: number;
  /** Existing partitions of subscribed topics assigned to nobody. */
  readonly unassigned: number;
}

const key = (topic: string, partition: number) => `${topic}/${partition}`;

/**
 * The previous owner of each partition, from the scenario's claims: valid ones only (the topic exists, the index is
 * in range, the member still subscribes), the highest generation wins, a tie at the highest leaves it to nobody.
 */
export function scenarioPreviousOwners({ topics, members }: Scenario): Map<string, string> {
  const partitionCount = new Map(topics.map(({ name, partitions }) => [name, partitions]));
  const best = new Map<string, { generation: number; memberIds: Set<string> }>();
  for (const { memberId, topics: subscribed, owned = [], generationId = -1 } of members) {
    for (const { topic, partitions } of owned) {
      if (!subscribed.includes(topic)) continue;
      for (const partition of partitions) {
        if (partition < 0 || partition >= (partitionCount.get(topic) ?? 0)) continue;
        const current = best.get(key(topic, partition));
        if (current === undefined || generationId > current.generation) best.set(key(topic, partition), { generation: generationId, memberIds: new Set([memberId]) });
        else if (generationId === current.generation) current.memberIds.add(memberId);
      }
    }
  }
  return new Map([...best].flatMap(([partition, { memberIds }]) => (memberIds.size === 1 ? [[partition, [...memberIds][0]!] as const] : [])));
}

export function stickyMeasures(scenario: Scenario, { assignment }: AssignmentJson): StickyMeasures {
  const members = scenario.members.map(({ memberId }) => memberId);
  const held = new Map<string, string>();
  const heldTopics = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (const memberId of members) {
    const entries = assignment[memberId] ?? [];
    heldTopics.set(memberId, new Set(entries.map(({ topic }) => topic)));
    counts.set(memberId, entries.reduce((total, { partitions }) => total + partitions.length, 0));
    for (const { topic, partitions } of entries) for (const partition of partitions) held.set(key(topic, partition), memberId);
  }
  const subscribed = new Map(scenario.members.map(({ memberId, topics }) => [memberId, topics]));
  const takesFrom = (taker: string) => members.filter((other) => other !== taker && (subscribed.get(taker) ?? []).some((topic) => heldTopics.get(other)?.has(topic)));
  const count = (memberId: string) => counts.get(memberId) ?? 0;

  let localImbalances = 0;
  let chainImbalances = 0;
  for (const start of members) {
    localImbalances += takesFrom(start).filter((other) => count(other) >= count(start) + 2).length;
    const reached = new Set([start]);
    const queue = [start];
    while (queue.length > 0) {
      for (const next of takesFrom(queue.shift()!)) {
        if (reached.has(next)) continue;
        reached.add(next);
        queue.push(next);
        if (count(next) >= count(start) + 2) chainImbalances++;
      }
    }
  }
  const values = members.map(count);
  let pairScore = 0;
  for (let i = 0; i < values.length; i++) for (let j = i + 1; j < values.length; j++) pairScore += Math.abs(values[i]! - values[j]!);

  let moves = 0;
  for (const [partition, owner] of scenarioPreviousOwners(scenario)) if (held.get(partition) !== owner) moves++;
  const wanted = new Set(scenario.members.flatMap(({ topics }) => topics));
  const unassigned = scenario.topics
    .filter(({ name }) => wanted.has(name))
    .reduce((total, { name, partitions }) => total + Array.from({ length: partitions }, (_, partition) => key(name, partition)).filter((p) => !held.has(p)).length, 0);
  return { localImbalances, chainImbalances, spread: values.length === 0 ? 0 : Math.max(...values) - Math.min(...values), pairScore, moves, unassigned };
}
