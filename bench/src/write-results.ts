import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchResults } from './bench-results.js';
import { markdownReport } from './markdown-report.js';
import { timeChart } from './time-chart.js';

/** Writes GRID.json, GRID.md and GRID.svg into the folder; resolves with their paths. */
export async function writeResults(results: BenchResults, dir: string): Promise<{ json: string; markdown: string; chart: string }> {
  await mkdir(dir, { recursive: true });
  const name = results.grid.name;
  const paths = { json: join(dir, `${name}.json`), markdown: join(dir, `${name}.md`), chart: join(dir, `${name}.svg`) };
  await writeFile(paths.json, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(paths.markdown, markdownReport(results, `${name}.svg`));
  await writeFile(paths.chart, timeChart(results));
  return paths;
}
