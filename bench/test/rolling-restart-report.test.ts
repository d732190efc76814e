import { describe, expect, it } from 'vitest';
import type { RollingRestartRun } from '@kafka-assignors/local-kafka';
import { rollingRestartReport, runFigures, type RollingRestartResults } from '../src/rebalance/rolling-restart-report.js';

function run(client: RollingRestartRun['client'], stalled: number[], duplicates: number): RollingRestartRun {
  return {
    client,
    protocol: client === 'KafkaJS' ? 'sticky' : 'cooperative-sticky',
    partitions: stalled.length,
    pods: 3,
    durationMs: 2000,
    perPartition: stalled.map((stalledMs, index) => ({ partition: `t-${index}`, stalledMs, longestGapMs: stalledMs / 2 })),
    moved: 6,
    duplicates,
    lost: 0,
    heldTwice: [],
  };
}

describe('the rolling-restart report', () => {
  it('sums up a run over its partitions: the median and the worst', () => {
    expect(runFigures(run('KafkaJS', [100, 300, 200], 5))).toEqual({
      stalledMedianMs: 200,
      stalledWorstMs: 300,
      longestGapMedianMs: 100,
      longestGapWorstMs: 150,
      moved: 6,
      duplicates: 5,
      lost: 0,
    });
  });

  it('lists every run of each client and the median of their figures', () => {
    const results: RollingRestartResults = {
      date: '2026-12-04T20:00:00.000Z',
      machine: { cpuModel: 'test cpu', cpus: 2, memoryGiB: 24, os: 'Linux', node: 'v20.20.2' },
      kafka: '4.4.0',
      platformaticNode: '22.23.5',
      setup: { partitions: 3, pods: 3, produceIntervalMs: 50, stallThresholdMs: 150 },
      runs: [run('KafkaJS', [100, 100, 100], 1), run('platformatic', [0, 0, 0], 2), run('KafkaJS', [300, 300, 300], 3), run('platformatic', [0, 0, 60], 4)],
    };
    const rows = rollingRestartReport(results)
      .split('\n')
      .filter((line) => line.startsWith('| KafkaJS') || line.startsWith('| platformatic'));
    expect(rows).toEqual([
      '| KafkaJS | sticky | run 1 | 100 ms | 100 ms | 50 ms | 50 ms | 6 | 1 | 0 |',
      '| KafkaJS | sticky | run 2 | 300 ms | 300 ms | 150 ms | 150 ms | 6 | 3 | 0 |',
      '| KafkaJS | sticky | **median of runs** | 200 ms | 200 ms | 100 ms | 100 ms | 6 | 2 | 0 |',
      '| platformatic | cooperative-sticky | run 1 | 0 ms | 0 ms | 0 ms | 0 ms | 6 | 2 | 0 |',
      '| platformatic | cooperative-sticky | run 2 | 0 ms | 60 ms | 0 ms | 30 ms | 6 | 4 | 0 |',
      '| platformatic | cooperative-sticky | **median of runs** | 0 ms | 30 ms | 0 ms | 15 ms | 6 | 3 | 0 |',
    ]);
  });
});
