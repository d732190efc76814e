import { performance } from 'node:perf_hooks';
import { keepMeasuring, keepWarmingUp, type TimingPlan } from './timing-plan.js';

/** Warms `run` up, then times it by the plan; resolves with the milliseconds of each timed run and the last result. */
export async function timeRuns<T>(plan: TimingPlan, run: () => Promise<T>): Promise<{ samplesMs: number[]; last: T }> {
  await warmUp(plan, run);
  const samplesMs: number[] = [];
  const measureStart = performance.now();
  let last: T;
  do {
    const start = performance.now();
    last = await run();
    samplesMs.push(performance.now() - start);
  } while (keepMeasuring(plan, samplesMs.length, performance.now() - measureStart));
  return { samplesMs, last };
}

export async function warmUp(plan: TimingPlan, run: () => unknown): Promise<void> {
  const start = performance.now();
  do {
    await run();
  } while (keepWarmingUp(plan, performance.now() - start));
}
