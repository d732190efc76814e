/**
 * `npm run bench` (quick grid) and `npm run bench:full`: runs a grid and writes bench/results/GRID.{json,md,svg}.
 * Usage: main.ts GRID [RESULTS_DIR], GRID one of smoke, quick, full.
 */
import { fileURLToPath } from 'node:url';
import { GRIDS, type GridName } from './grids.js';
import { runBenchmark } from './run-benchmark.js';
import { writeResults } from './write-results.js';

const [gridName = 'quick', resultsDir = fileURLToPath(new URL('../results/', import.meta.url))] = process.argv.slice(2);
if (!(gridName in GRIDS)) {
  process.stderr.write(`usage: main.ts GRID [RESULTS_DIR], GRID one of: ${Object.keys(GRIDS).join(', ')}\n`);
  process.exit(2);
}
const grid = GRIDS[gridName as GridName];
const results = await runBenchmark({
  grid,
  scenarioDir: fileURLToPath(new URL(`../.cache/scenarios/${grid.name}/`, import.meta.url)),
  progressOut: process.stderr,
});
const paths = await writeResults(results, resultsDir);
process.stdout.write(`${paths.markdown}\n${paths.json}\n${paths.chart}\n`);
