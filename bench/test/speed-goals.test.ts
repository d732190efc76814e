import { describe, expect, it } from 'vitest';
import type { BenchResults } from '../src/bench-results.js';
import type { Measurement } from '../src/measurement.js';
import { checkSpeedGoals } from '../src/speed-goals.js';

const QUALITY = { valid: true, violationCount: 0, violations: [], spread: 0, moved: null, unassigned: 0 };

function scenario(id: string, partitions: number, racks = false): BenchResults['scenarios'][number] {
  return { id, members: 10, topics: 1, partitionsPerTopic: partitions, subscriptions: 'equal', history: 'fresh', racks, seed: 1, partitions };
}

function timed(scenarioId: string, implementation: Measurement['implementation'], medianMs: number, assignOnlyMedianMs?: number): Measurement {
  return { scenario: scenarioId, implementation, assignor: 'sticky', medianMs, samples: 5, quality: QUALITY, ...(assignOnlyMedianMs === undefined ? {} : { assignOnlyMedianMs }) };
}

describe('the speed goals', () => {
  it('compares our assign alone with each peer, and assign plus encoding with assign alone, from their sizes up', () => {
    const report = checkSpeedGoals({
      scenarios: [scenario('small', 4_999), scenario('mid', 5_000), scenario('large', 50_000)],
      measurements: [
        timed('small', 'ours', 100, 10),
        timed('small', 'java', 1),
        timed('mid', 'ours', 100, 8),
        timed('mid', 'java', 16),
        timed('mid', 'franz-go', 9),
        timed('large', 'ours', 16, 10),
        timed('large', 'java', 20),
        timed('large', 'franz-go', 12.5),
      ],
    });
    expect(report.compared).toBe(5);
    expect(report.misses).toEqual([
      { scenario: 'mid', assignor: 'sticky', against: 'franz-go', ratio: 8 / 9, goal: 0.8 },
      { scenario: 'large', assignor: 'sticky', against: 'encode', ratio: 1.6, goal: 1.5 },
    ]);
  });

  it('leaves franz-go out on rows with racks, and failed measurements out everywhere', () => {
    const report = checkSpeedGoals({
      scenarios: [scenario('racks', 5_000, true)],
      measurements: [timed('racks', 'ours', 10, 10), timed('racks', 'franz-go', 1), { scenario: 'racks', implementation: 'java', assignor: 'sticky', error: 'stopped' }],
    });
    expect(report).toEqual({ compared: 0, misses: [] });
  });
});
