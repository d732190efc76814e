import { expect, it } from 'vitest';
import { keepMeasuring, keepWarmingUp, type TimingPlan } from '../src/timing-plan.js';

const plan: TimingPlan = { warmupMs: 100, minRuns: 3, targetMs: 200, maxRuns: 10, maxMs: 1000 };

it('warms up for the warm-up time', () => {
  expect(keepWarmingUp(plan, 99)).toBe(true);
  expect(keepWarmingUp(plan, 100)).toBe(false);
});

it('times until the target time and the least number of runs are reached', () => {
  expect(keepMeasuring(plan, 5, 150)).toBe(true);
  expect(keepMeasuring(plan, 2, 500)).toBe(true);
  expect(keepMeasuring(plan, 3, 200)).toBe(false);
});

it('stops at the most runs, and after the longest time even short of the least runs', () => {
  expect(keepMeasuring(plan, 10, 50)).toBe(false);
  expect(keepMeasuring(plan, 1, 1000)).toBe(false);
});
