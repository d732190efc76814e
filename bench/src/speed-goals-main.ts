import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BenchResults } from './bench-results.js';
import { formatRatio } from './format-numbers.js';
import { checkSpeedGoals } from './speed-goals.js';

/** Prints the rows of a results file (a path from where npm was run: npm sets INIT_CWD) that miss a speed goal; exits 1 when any does. */
const file = process.argv[2];
if (file === undefined) {
  console.error('usage: npm run bench:goals -- bench/results/GRID.json');
  process.exit(2);
}
const { compared, misses } = checkSpeedGoals(JSON.parse(readFileSync(resolve(process.env['INIT_CWD'] ?? process.cwd(), file), 'utf8')) as BenchResults);
for (const miss of misses) console.log(`${miss.scenario}  ${miss.assignor}  ${miss.against} ${formatRatio(miss.ratio)} > ${miss.goal}`);
console.log(`${misses.length} of ${compared} comparisons miss a goal`);
process.exitCode = misses.length === 0 ? 0 : 1;
