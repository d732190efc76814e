import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { GRIDS } from '../../src/grids.js';
import { runBenchmark } from '../../src/run-benchmark.js';
import { writeResults } from '../../src/write-results.js';

it('runs the smoke grid end to end through every peer, and writes the results, the table and the chart', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bench-smoke-'));
  try {
    const progressOut = new PassThrough();
    let progress = '';
    progressOut.setEncoding('utf8').on('data', (chunk: string) => (progress += chunk));
    const grid = GRIDS.smoke;
    const results = await runBenchmark({ grid, scenarioDir: join(dir, 'scenarios'), progressOut });

    // The bench-smoke project's global setup found Go, a JDK and Maven, so no peer may be missing.
    expect(results.skipped.filter((skip) => skip.assignor === undefined)).toEqual([]);
    for (const skip of results.skipped) expect(progress).toContain(`: ${skip.reason}`);
    expect(progress).toContain('100%');

    const ran = ['ours', 'java', 'franz-go', 'kafkajs'] as const;
    for (const scenario of results.scenarios) {
      for (const implementation of ran) {
        expect(results.measurements.some((m) => m.scenario === scenario.id && m.implementation === implementation), `${implementation} on ${scenario.id}`).toBe(true);
      }
    }
    for (const measurement of results.measurements) {
      const where = `${measurement.implementation} ${measurement.assignor} on ${measurement.scenario}`;
      if ('error' in measurement) throw new Error(`${where} failed: ${measurement.error}`);
      expect(measurement.medianMs, where).toBeGreaterThan(0);
      if (measurement.implementation === 'ours') expect(measurement.assignOnlyMedianMs, where).toBeGreaterThan(0);
      // KafkaJS gives every member partitions of every topic, subscribed or not (kafkajs#1679).
      const kafkajsOnUnequal = measurement.implementation === 'kafkajs' && measurement.scenario.includes('-unequal-');
      expect(measurement.quality.valid, `${where}: ${measurement.quality.violations.join('; ')}`).toBe(!kafkajsOnUnequal);
    }
    // Our range and round-robin are the Java client's own results.
    for (const ours of results.measurements.filter((m) => m.implementation === 'ours' && ['range', 'roundrobin'].includes(m.assignor))) {
      const java = results.measurements.find((m) => m.implementation === 'java' && m.assignor === ours.assignor && m.scenario === ours.scenario);
      expect(java !== undefined && 'quality' in java && 'quality' in ours && java.quality, `${ours.assignor} on ${ours.scenario}`).toEqual('quality' in ours && ours.quality);
    }
    expect(results.peakMemory?.assignors.map((memory) => memory.assignor)).toEqual(results.measurements.filter((m) => m.implementation === 'ours' && m.scenario === results.scenarios[0]?.id).map((m) => m.assignor));
    for (const memory of results.peakMemory?.assignors ?? []) expect(memory.peakRssBytes).toBeGreaterThanOrEqual(memory.rssBeforeBytes);

    const paths = await writeResults(results, join(dir, 'results'));
    expect(JSON.parse(await readFile(paths.json, 'utf8'))).toEqual(JSON.parse(JSON.stringify(results)));
    const markdown = await readFile(paths.markdown, 'utf8');
    expect(markdown).toContain('## Times');
    expect(markdown).toContain('### 12 members × 6 topics × 8 partitions (48 partitions)');
    expect(markdown).toMatch(/\| equal, fresh \| roundrobin \| [\d.]+ \|/);
    expect(markdown).toContain('![Median time against partition count, equal, fresh](smoke.svg)');
    const svg = await readFile(paths.chart, 'utf8');
    expect(svg.match(/<polyline /g)?.length).toBe(new Set(results.measurements.map((m) => `${m.implementation} ${m.assignor}`)).size);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
