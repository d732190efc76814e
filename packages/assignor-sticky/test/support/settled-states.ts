import type { RebalanceRound } from '@kafka-assignors/core/testing';
import { partitionKeys } from './partition-keys.js';

/** Who held each partition after a group settled, by member id, and what each member subscribed to then. */
export interface SettledState {
  readonly holders: ReadonlyMap<string, string>;
  readonly topicsOf: ReadonlyMap<string, readonly string[]>;
}

export function settledState(round: RebalanceRound, topicsOfMember: (name: string) => readonly string[]): SettledState {
  const holders = new Map<string, string>();
  for (const { memberId, partitions } of round.members) for (const key of partitionKeys(partitions)) holders.set(key, memberId);
  return { holders, topicsOf: new Map(round.members.map(({ name, memberId }) => [memberId, topicsOfMember(name)])) };
}

/**
 * Partitions that went from a member A to a member B and straight back to A over three consecutive settled
 * states, while B stayed in the group, subscribed to the partition's topic: a move that undid the last one.
 */
export function movesBackAndForth(before: SettledState, middle: SettledState, after: SettledState): string[] {
  const undone: string[] = [];
  for (const [key, first] of before.holders) {
    const second = middle.holders.get(key);
    if (second === undefined || second === first || after.holders.get(key) !== first) continue;
    const topic = key.slice(0, key.lastIndexOf('/'));
    if (after.topicsOf.get(second)?.includes(topic) === true) undone.push(`${key}: ${first} -> ${second} -> ${first}`);
  }
  return undone;
}
