import { partitionMovement } from '@kafka-assignors/core/simulator';
import type { AssignorRun, SettledMember, SettledRound } from './replay-history.js';

export interface Summary {
  readonly median: number;
  readonly worst: number;
}

/** What one assignor did over the rounds of the history (round 0, where the group forms, is not counted). */
export interface LabFigures {
  readonly assignor: string;
  /** Partitions that changed hands in each round: held at the end of the round before and at the end of this one, by another member. */
  readonly movesPerRound: readonly number[];
  readonly moves: Summary & { readonly total: number };
  /** Most minus fewest partitions held by a member of the group, at the end of each round. */
  readonly spreadPerRound: readonly number[];
  readonly spread: { readonly worst: number; readonly final: number };
  /** Rounds that end with a member left idle (see `leavesMemberIdle`). */
  readonly idleRounds: number;
  readonly rebalances: number;
  /** Wall-clock milliseconds per `assign()` call; `null` when not timed. */
  readonly assignMilliseconds: Summary | null;
}

export function labFigures(run: AssignorRun): LabFigures {
  const counted = run.rounds.slice(1);
  const movesPerRound = counted.map((round, index) => partitionMovement(run.rounds[index]?.members ?? [], round.members).moved);
  const spreadPerRound = counted.map((round) => spread(round.members));
  const timings = counted.flatMap((round) => round.assignMilliseconds);
  return {
    assignor: run.assignor,
    movesPerRound,
    moves: { total: sum(movesPerRound), ...summary(movesPerRound) },
    spreadPerRound,
    spread: { worst: spreadPerRound.reduce((worst, value) => Math.max(worst, value), 0), final: spreadPerRound.at(-1) ?? 0 },
    idleRounds: counted.filter(leavesMemberIdle).length,
    rebalances: sum(counted.map((round) => round.rebalances)),
    assignMilliseconds: timings.length === 0 ? null : summary(timings),
  };
}

export function partitionCount(member: SettledMember): number {
  return sum(member.partitions.map(({ partitions }) => partitions.length));
}

function spread(members: readonly SettledMember[]): number {
  const counts = members.map(partitionCount);
  return counts.length === 0 ? 0 : Math.max(...counts) - Math.min(...counts);
}

/**
 * A member holds nothing although it subscribes to a topic of which another member holds two partitions or
 * more: one of those could have gone to it without leaving anyone else empty-handed.
 */
function leavesMemberIdle(round: SettledRound): boolean {
  return round.members.some(
    (idle) =>
      partitionCount(idle) === 0 &&
      round.members.some((other) => other.partitions.some(({ topic, partitions }) => partitions.length >= 2 && idle.topics.includes(topic))),
  );
}

function summary(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length === 0 ? 0 : sorted.length % 2 === 1 ? (sorted[Math.floor(middle)] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { median, worst: sorted.at(-1) ?? 0 };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
