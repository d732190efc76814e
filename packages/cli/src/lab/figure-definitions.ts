const COUNT_DEFINITIONS: readonly (readonly [string, string])[] = [
  [
    'moved',
    'partitions that changed hands in a round: held by one member when the round before ended and by another when this one ended ' +
      '(total over the rounds, median and worst round); partitions of members that left count, new partitions do not',
  ],
  ['spread', 'most minus fewest partitions held by a member of the group when a round ended (worst round, and the last one)'],
  ['idle rounds', 'rounds that ended with a member holding nothing although it subscribes to a topic of which another member holds two partitions or more'],
  ['rebalances', 'JoinGroup/SyncGroup rounds the group went through; a cooperative assignor takes more, revoking before it reassigns'],
];

const TIMING_DEFINITION = ['assign ms', "wall-clock milliseconds of the leader's assign() calls (median and worst)"] as const;

/** What each figure means, timings only when they were measured. */
export function figureDefinitions(timed: boolean): readonly (readonly [string, string])[] {
  return timed ? [...COUNT_DEFINITIONS, TIMING_DEFINITION] : COUNT_DEFINITIONS;
}

export const ROUNDS_NOTE = 'Round 0, where the group forms, is not counted; each round after it applies its events, then the group rebalances until it settles.';

export const TIMINGS_NOTE = 'Timings are wall-clock times: they vary from run to run and machine to machine. Every other figure depends on the history alone.';

export const NO_TIMINGS_NOTE = 'Timings were left out (--no-timings).';
