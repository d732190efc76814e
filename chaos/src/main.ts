import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { brokerRelease } from '@kafka-assignors/local-kafka';
import { CHAOS_POD_SETTINGS } from './chaos-settings.js';
import { FULL_PLAN, QUICK_PLAN, runChaosSuite, TRADE_OFF_PLAN } from './chaos-suite.js';
import { resultsMarkdown, type ChaosResults } from './results-report.js';

/**
 * `npm run chaos` runs every fault several times, and the session timeout trade-off, and writes
 * chaos/results/full.{md,json};
 * `npm run chaos -- quick` runs each once (quick.{md,json}). Exit status 1 if any run broke safety.
 */
const grid = process.argv[2] === 'quick' ? 'quick' : 'full';
const plan = grid === 'quick' ? QUICK_PLAN : [...FULL_PLAN, ...TRADE_OFF_PLAN];
const seed = Number(process.env.CHAOS_SEED ?? 1);
const started = Date.now();
const runs = await runChaosSuite(plan, seed, (run) => {
  const { ok, overlaps, lost, refused, duplicates } = run.verdict;
  console.log(
    `${run.fault}: ${ok ? 'ok' : 'UNSAFE'}; failover ${run.failoverMs?.toFixed(0) ?? '–'} ms, outage ${run.outageMs.toFixed(0)} ms, ` +
      `active changes ${run.activeChanges}, overlaps ${overlaps.length}, lost ${lost.length}, duplicates ${duplicates.writes}, refused ${refused}`,
  );
});
const results: ChaosResults = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`,
  broker: `Apache Kafka ${brokerRelease().version} (KRaft, on 127.0.0.1)`,
  settings: CHAOS_POD_SETTINGS,
  seed,
  durationS: Math.round((Date.now() - started) / 1000),
  runs,
};
const directory = fileURLToPath(new URL('../results/', import.meta.url));
await mkdir(directory, { recursive: true });
await writeFile(`${directory}${grid}.json`, `${JSON.stringify(results, null, 2)}\n`);
await writeFile(`${directory}${grid}.md`, resultsMarkdown(results, plan));
console.log(`wrote chaos/results/${grid}.md`);
process.exitCode = runs.every(({ verdict }) => verdict.ok) ? 0 : 1;
