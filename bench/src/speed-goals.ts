import type { BenchResults } from './bench-results.js';
import type { Measurement } from './measurement.js';

/**
 * The speed goals the sticky assignors are held to (issue 18), checked on one run's results: from 5,000
 * partitions up, at most 0.8 of franz-go's time and 0.5 of the Java client's, comparing our `assign` alone
 * with their assignment step; from 50,000 up, assign plus encoding at most 1.5 times assign alone. Rows with
 * racks are not compared with franz-go, whose balancer has none.
 */
export const SPEED_GOALS = {
  fromPartitions: 5_000,
  franzGo: 0.8,
  java: 0.5,
  encodeFromPartitions: 50_000,
  encode: 1.5,
} as const;

const STICKY_ASSIGNORS = new Set(['sticky', 'cooperative-sticky']);

/** A row and assignor whose ratio is over its goal. */
export interface GoalMiss {
  readonly scenario: string;
  readonly assignor: string;
  readonly against: 'franz-go' | 'java' | 'encode';
  readonly ratio: number;
  readonly goal: number;
}

/** What the goals are checked against: how many rows were compared, and those that missed. */
export interface GoalReport {
  readonly compared: number;
  readonly misses: readonly GoalMiss[];
}

type Timed = Extract<Measurement, { medianMs: number }>;

export function checkSpeedGoals(results: Pick<BenchResults, 'scenarios' | 'measurements'>): GoalReport {
  const timed = new Map<string, Timed>();
  for (const measurement of results.measurements) {
    if ('medianMs' in measurement) timed.set(`${measurement.scenario} ${measurement.implementation} ${measurement.assignor}`, measurement);
  }
  const misses: GoalMiss[] = [];
  let compared = 0;
  const check = (scenario: string, assignor: string, against: GoalMiss['against'], ratio: number, goal: number) => {
    compared += 1;
    if (ratio > goal) misses.push({ scenario, assignor, against, ratio, goal });
  };
  for (const { id, partitions, racks } of results.scenarios) {
    if (partitions < SPEED_GOALS.fromPartitions) continue;
    for (const assignor of STICKY_ASSIGNORS) {
      const ours = timed.get(`${id} ours ${assignor}`);
      if (ours?.assignOnlyMedianMs === undefined) continue;
      const assignMs = ours.assignOnlyMedianMs;
      const java = timed.get(`${id} java ${assignor}`);
      if (java !== undefined) check(id, assignor, 'java', assignMs / java.medianMs, SPEED_GOALS.java);
      const franzGo = timed.get(`${id} franz-go ${assignor}`);
      if (franzGo !== undefined && !racks) check(id, assignor, 'franz-go', assignMs / franzGo.medianMs, SPEED_GOALS.franzGo);
      if (partitions >= SPEED_GOALS.encodeFromPartitions) check(id, assignor, 'encode', ours.medianMs / assignMs, SPEED_GOALS.encode);
    }
  }
  return { compared, misses };
}
