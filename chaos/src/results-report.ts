import { summarize } from './check-run.js';
import type { PlannedFault } from './chaos-suite.js';
import type { FaultRun } from './run-fault.js';

export interface ChaosResults {
  readonly date: string;
  readonly machine: string;
  readonly broker: string;
  readonly settings: object;
  readonly seed: number;
  readonly durationS: number;
  readonly runs: readonly FaultRun[];
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}

const seconds = (ms: number | null): string => (ms === null ? '–' : (ms / 1000).toFixed(1));

/** The results table, one row per fault: safety counts (which must be 0) and the times. */
export function resultsMarkdown(results: ChaosResults, plan: readonly PlannedFault[]): string {
  const rows = plan.map(({ fault }) => {
    const runs = results.runs.filter((run) => run.fault === fault.name);
    const summary = summarize(runs.map(({ verdict }) => verdict));
    const failovers = runs.flatMap(({ failoverMs }) => (failoverMs === null ? [] : [failoverMs]));
    const outages = runs.map(({ outageMs }) => outageMs);
    const changes = runs.map(({ activeChanges }) => activeChanges).join(', ');
    return (
      `| ${fault.name} | ${summary.runs} | ${seconds(median(failovers))} / ${seconds(failovers.length === 0 ? null : Math.max(...failovers))} ` +
      `| ${seconds(median(outages))} / ${seconds(Math.max(...outages))} | ${changes} | ${summary.overlaps + summary.effectsDuringOtherActive + summary.effectsOutsideInterval} ` +
      `| ${summary.lost} | ${summary.duplicates} | ${summary.refused} | ${runs.reduce((sum, run) => sum + run.produced, 0)} |`
    );
  });
  return [
    `# Chaos suite results`,
    '',
    `${results.date}, ${results.durationS} s; ${results.machine}; ${results.broker}; seed ${results.seed}.`,
    `Pod settings: ${JSON.stringify(results.settings)}.`,
    '',
    '| fault | runs | failover median / worst (s) | outage median / worst (s) | active changes per run | overlap | lost | duplicates | refused writes | messages |',
    '|---|--:|--:|--:|---|--:|--:|--:|--:|--:|',
    ...rows,
    '',
    ...plan.map(({ fault }) => `- **${fault.name}**: ${fault.description}.`),
    '',
    'Failover: from the fault to the first change to active of another pod. Outage: the longest time without an accepted side effect',
    'from the fault on. Overlap: pairs of pods active at once, plus accepted effects issued outside the pod\'s own active interval or',
    'inside another pod\'s (must be 0). Lost: acknowledged messages without an accepted effect (must be 0). Duplicates: accepted effects',
    'beyond the first per message (at-least-once redelivery). Refused writes: effects the fencing sink refused for a stale token.',
    '',
  ].join('\n');
}
