import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { GRIDS } from '../src/grids.js';
import { runBenchmark } from '../src/run-benchmark.js';

let path: string | undefined;
beforeEach(() => {
  path = process.env['PATH'];
  // Neither `java` nor `mvn` nor `go` can be found; Node children start from process.execPath.
  process.env['PATH'] = '';
});
afterEach(() => {
  process.env['PATH'] = path;
});

it('skips the Java and franz-go peers with a line saying why when their tools are missing, and runs the others', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bench-no-tools-'));
  try {
    const progressOut = new PassThrough();
    let progress = '';
    progressOut.setEncoding('utf8').on('data', (chunk: string) => (progress += chunk));
    const grid = { ...GRIDS.smoke, scenarios: GRIDS.smoke.scenarios.slice(0, 1), peakMemory: null };
    const results = await runBenchmark({ grid, scenarioDir: join(dir, 'scenarios'), progressOut });

    expect(progress).toMatch(/^skipped Java client: `java`.* not found on the PATH/m);
    expect(progress).toMatch(/^skipped franz-go: `go` not found on the PATH/m);
    expect(new Set(results.measurements.map((m) => m.implementation))).toEqual(new Set(['ours', 'kafkajs']));
    expect(results.measurements.every((m) => !('error' in m))).toBe(true);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);
