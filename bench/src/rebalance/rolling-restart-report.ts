import type { RollingRestartRun } from '@kafka-assignors/local-kafka';
import type { MachineInfo } from '../machine-info.js';
import { median } from '../median.js';

export interface RollingRestartResults {
  readonly date: string;
  readonly machine: MachineInfo;
  readonly kafka: string;
  readonly platformaticNode: string;
  readonly setup: { readonly partitions: number; readonly pods: number; readonly produceIntervalMs: number; readonly stallThresholdMs: number };
  readonly runs: readonly RollingRestartRun[];
}

/** One run in figures: over the partitions, the median and the worst. */
export interface RunFigures {
  readonly stalledMedianMs: number;
  readonly stalledWorstMs: number;
  readonly longestGapMedianMs: number;
  readonly longestGapWorstMs: number;
  readonly moved: number;
  readonly duplicates: number;
  readonly lost: number;
}

export function runFigures(run: RollingRestartRun): RunFigures {
  const stalled = run.perPartition.map(({ stalledMs }) => stalledMs);
  const gaps = run.perPartition.map(({ longestGapMs }) => longestGapMs);
  return {
    stalledMedianMs: median(stalled),
    stalledWorstMs: Math.max(...stalled),
    longestGapMedianMs: median(gaps),
    longestGapWorstMs: Math.max(...gaps),
    moved: run.moved,
    duplicates: run.duplicates,
    lost: run.lost,
  };
}

const ms = (value: number): string => `${Math.round(value)} ms`;

export function rollingRestartReport(results: RollingRestartResults): string {
  const { setup, machine } = results;
  const clients = [...new Set(results.runs.map(({ client, protocol }) => `${client}|${protocol}`))];
  const rows = clients.flatMap((key) => {
    const [client = '', protocol = ''] = key.split('|');
    const figures = results.runs.filter((run) => run.client === client && run.protocol === protocol).map(runFigures);
    const line = (label: string, f: RunFigures) =>
      `| ${client} | ${protocol} | ${label} | ${ms(f.stalledMedianMs)} | ${ms(f.stalledWorstMs)} | ${ms(f.longestGapMedianMs)} | ${ms(f.longestGapWorstMs)} | ${f.moved} | ${f.duplicates} | ${f.lost} |`;
    const medianOf = (pick: (f: RunFigures) => number) => median(figures.map(pick));
    const summary: RunFigures = {
      stalledMedianMs: medianOf((f) => f.stalledMedianMs),
      stalledWorstMs: medianOf((f) => f.stalledWorstMs),
      longestGapMedianMs: medianOf((f) => f.longestGapMedianMs),
      longestGapWorstMs: medianOf((f) => f.longestGapWorstMs),
      moved: medianOf((f) => f.moved),
      duplicates: medianOf((f) => f.duplicates),
      lost: Math.max(...figures.map((f) => f.lost)),
    };
    return [...figures.map((f, index) => line(`run ${index + 1}`, f)), line('**median of runs**', summary)];
  });
  return `# Rolling restart: how long partitions go unconsumed

${setup.pods} pods in one group on a topic of ${setup.partitions} partitions; a producer writes one record to every
partition every ${setup.produceIntervalMs} ms. Each pod in turn leaves the group (a clean stop), the group settles on
the others, the pod starts again and the group settles on all ${setup.pods}. Measured from the first stop to the last
settled generation, for every partition: the **unconsumed time**, the sum of the gaps between two deliveries longer
than ${setup.stallThresholdMs} ms (${setup.stallThresholdMs / setup.produceIntervalMs} production intervals), and the **longest gap**. Over the
${setup.partitions} partitions, the median and the worst. **Moved**: partitions whose pod changed between settled
generations (the least possible is ${setup.pods * 2 * (setup.partitions / setup.pods)}). **Duplicates**: deliveries beyond the first of a record. **Lost**:
acknowledged records never delivered.

Written by \`npm run bench:rolling-restart\` on ${results.date.slice(0, 10)}: ${machine.cpuModel}, ${machine.cpus} vCPUs, ${machine.memoryGiB} GiB,
Kafka ${results.kafka} (one local broker), KafkaJS on Node ${machine.node.replace(/^v/, '')}, @platformatic/kafka on Node ${results.platformaticNode}.
Times vary from run to run on a shared machine: read the medians.

| client | protocol | run | unconsumed, median | unconsumed, worst | longest gap, median | longest gap, worst | moved | duplicates | lost |
|---|---|---|--:|--:|--:|--:|--:|--:|--:|
${rows.join('\n')}
`;
}
