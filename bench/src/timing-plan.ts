/**
 * How long every implementation warms up and how many of its runs are timed, the same for all (the Java and Go
 * peers implement the same rules). Warm-up runs until `warmupMs` has passed (at least one run). Timed runs go on
 * until `targetMs` has passed and `minRuns` were timed, stopping at `maxRuns`, and after `maxMs` even short of
 * `minRuns` (at least one run), so that a very slow peer cannot hold a run up for long.
 */
export interface TimingPlan {
  readonly warmupMs: number;
  readonly minRuns: number;
  readonly targetMs: number;
  readonly maxRuns: number;
  readonly maxMs: number;
}

export function keepWarmingUp(plan: TimingPlan, elapsedMs: number): boolean {
  return elapsedMs < plan.warmupMs;
}

export function keepMeasuring(plan: TimingPlan, runs: number, elapsedMs: number): boolean {
  if (runs >= plan.maxRuns) return false;
  return elapsedMs < plan.targetMs || (runs < plan.minRuns && elapsedMs < plan.maxMs);
}
