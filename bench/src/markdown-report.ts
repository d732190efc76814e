import type { BenchResults } from './bench-results.js';
import { formatMiB, formatMs, formatRatio } from './format-numbers.js';
import { IMPLEMENTATION_NAMES, type Implementation } from './implementation.js';
import type { Measurement, Quality } from './measurement.js';
import { sizeLabel, variantLabel } from './scenario-spec.js';

const PROTOCOLS = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'];
const KAFKAJS_ASSIGNOR = 'RoundRobinAssigner';
const PEERS: readonly Implementation[] = ['java', 'franz-go'];

type Scenario = BenchResults['scenarios'][number];

/** The results as Markdown: the run's conditions, then times with ratios, quality, peak memory and the chart. */
export function markdownReport(results: BenchResults, chartFile: string): string {
  const find = measurementIndex(results.measurements);
  const assignors = [...PROTOCOLS, ...new Set(results.measurements.filter((m) => m.implementation === 'ours' && !PROTOCOLS.includes(m.assignor)).map((m) => m.assignor))];
  const sizes = groupBySize(results.scenarios);
  const lines: string[] = [`# Benchmark results: ${results.grid.name} grid`, '', ...conditions(results), ''];

  lines.push(
    '## Times',
    '',
    'Median milliseconds. Ours is timed twice: assign plus encoding every member\'s assignment (what a leader does ' +
      'before SyncGroup), and assign alone. In brackets, the ratio ours ÷ peer for the same assignor on the same scenario ' +
      'in this run, ours timed as that peer is: assign alone against the Java client and franz-go, which time their ' +
      'assignment step alone; assign plus encoding against KafkaJS, whose `assign` encodes. Below 1 means ours is faster ' +
      '(0.1 = ten times faster). franz-go balances without racks (its rack-aware balancing cannot be reached from its ' +
      'public balancer API), so on the rows with racks its ratio compares ours, placing by rack, with franz-go ignoring ' +
      'racks: not like for like. The KafkaJS column is its RoundRobinAssigner, the only ' +
      'assignor it ships, against each of ours. ✗ marks a result that is not a valid assignment (see Quality). "Stopped at" ' +
      'marks an assignor whose warm-up and timed runs (two runs at least) had not finished that long after it started on the ' +
      'scenario; it is not run again on the larger scenarios of the same variant.',
    '',
  );
  for (const [label, scenarios] of sizes) {
    lines.push(`### ${label}`, '', `| variant | assignor | ours: assign + encode | ours: assign | ${IMPLEMENTATION_NAMES.java} | ${IMPLEMENTATION_NAMES['franz-go']} | KafkaJS ${KAFKAJS_ASSIGNOR} |`, '|---|---|--:|--:|--:|--:|--:|');
    for (const scenario of scenarios) {
      const kafkajs = find(scenario.id, 'kafkajs', KAFKAJS_ASSIGNOR);
      for (const assignor of assignors) {
        const ours = find(scenario.id, 'ours', assignor);
        const peers = PEERS.map((peer) => find(scenario.id, peer, assignor));
        if (ours === undefined && peers.every((peer) => peer === undefined)) continue;
        const cells = [...peers, kafkajs].map((peer) => timeCell(peer, ours));
        lines.push(`| ${variantLabel(scenario)} | ${assignor} | ${timeCell(ours, undefined)} | ${assignOnlyCell(ours)} | ${cells.join(' | ')} |`);
      }
    }
    lines.push('');
  }

  lines.push(
    '## Quality',
    '',
    'Spread: most minus fewest partitions of a member. Moved: partitions that a member owned after the previous round ' +
      'and does not get back (fresh groups have none to move). Unassigned, when any: partitions nobody got (the cooperative ' +
      'assignors withhold those changing owner until their owner has revoked them). ✓: `validateAssignment` finds nothing ' +
      '(and, for eager assignors, every partition is assigned); ✗: it found violations, the first of which is listed below.',
    '',
  );
  const violations: string[] = [];
  for (const [label, scenarios] of sizes) {
    lines.push(`### ${label}`, '', `| variant | assignor | ours | ${IMPLEMENTATION_NAMES.java} | ${IMPLEMENTATION_NAMES['franz-go']} | KafkaJS |`, '|---|---|---|---|---|---|');
    for (const scenario of scenarios) {
      for (const assignor of [...assignors, KAFKAJS_ASSIGNOR]) {
        const row = (['ours', ...PEERS, 'kafkajs'] as const).map((implementation) => find(scenario.id, implementation, assignor));
        if (row.every((measurement) => measurement === undefined)) continue;
        lines.push(`| ${variantLabel(scenario)} | ${assignor} | ${row.map(qualityCell).join(' | ')} |`);
        for (const measurement of row) {
          if (measurement === undefined) continue;
          const problem = 'error' in measurement ? measurement.error : measurement.quality.valid ? null : measurement.quality.violations[0];
          if (problem != null) violations.push(`- ${scenario.id}, ${IMPLEMENTATION_NAMES[measurement.implementation]} ${assignor}: ${oneLine(problem)}`);
        }
      }
    }
    lines.push('');
  }
  if (violations.length > 0) lines.push('Invalid results, failures and measurements stopped at the deadline:', '', ...violations, '');

  if (results.peakMemory !== null) {
    lines.push(
      '## Peak memory of our assignors',
      '',
      `On ${results.peakMemory.scenario}, each assignor in a process of its own that loaded the scenario, built the group and ` +
        'collected garbage, then assigned and encoded every member\'s assignment once. Peak RSS is the peak resident set size ' +
        'of that step alone (Linux resets the peak before it); the growth is that peak minus the resident set size before it.',
      '',
      '| assignor | RSS before | peak RSS | growth | V8 heap before → after |',
      '|---|--:|--:|--:|--:|',
      ...results.peakMemory.assignors.map(
        (memory) =>
          `| ${memory.assignor} | ${formatMiB(memory.rssBeforeBytes)} | ${formatMiB(memory.peakRssBytes)}${memory.peakOfAssignOnly ? '' : ' (whole process)'} | ` +
          `${formatMiB(Math.max(0, memory.peakRssBytes - memory.rssBeforeBytes))} | ${formatMiB(memory.heapUsedBeforeBytes)} → ${formatMiB(memory.heapUsedAfterBytes)} |`,
      ),
      '',
    );
  }

  lines.push('## Chart', '', `![Median time against partition count, ${variantLabel(results.grid.chartVariant)}](${chartFile})`, '');
  return lines.join('\n');
}

function conditions(results: BenchResults): string[] {
  const { machine, loadAverage, versions, grid } = results;
  const plan = grid.plan;
  const version = (name: string) => versions[name] ?? 'not run';
  const lines = [
    `Grid: ${grid.description}. Run ${results.startedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} for ${duration(results.durationSeconds)} ` +
      `by ${grid.command}; every number below comes from this one run.`,
    '',
    `- Machine: ${machine.cpuModel}, ${machine.cpus} CPUs (nproc), ${machine.memoryGiB} GiB, ${machine.os}.`,
    `- Runtimes: Node ${machine.node}; Java ${version('java')}; Go ${version('go')}.`,
    `- Peers: kafka-clients ${version('kafka-clients')}, franz-go ${version('franz-go')}, KafkaJS ${version('kafkajs')}; ours timed with benny ${version('benny')}.`,
    `- Load average (1, 5, 15 min): ${loadAverage.start.join(', ')} at the start, ${loadAverage.end.join(', ')} at the end. ` +
      'The machine has two cores and was shared with other engineers\' test runs: times are noisy. Implementations take ' +
      'turns on each scenario, so a ratio compares times taken close together.',
    `- Timing: each implementation warms up for ${plan.warmupMs} ms, then is timed for ${plan.targetMs} ms and at least ${plan.minRuns} runs ` +
      `(at most ${plan.maxRuns}; a slow one stops after ${plan.maxMs / 1000} s, with at least one run). ` +
      `One that has not finished ${grid.deadlineMs / 1000} s after it started is stopped. ` +
      'Ours: assign plus encoding every member\'s assignment, then assign alone (benny, samples of one or more calls). Java client: `assign` alone, ' +
      'a fresh instance each run. franz-go: the balance step alone. KafkaJS: `assign`, which includes its encoding. Each in its own ' +
      'process (ours and KafkaJS in a new Node process per scenario).',
    '- Inputs: every implementation reads the same generated scenario files; the Java harness reads them in a compact binary form.',
  ];
  for (const { implementation, assignor, reason } of results.skipped) {
    lines.push(`- Skipped ${IMPLEMENTATION_NAMES[implementation]}${assignor === undefined ? '' : ` ${assignor}`}: ${oneLine(reason)}`);
  }
  return lines;
}

function duration(seconds: number): string {
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/**
 * A peer's time, with ours ÷ its: ours timed as the peer times itself, assign alone against the Java client and
 * franz-go, assign plus encoding against KafkaJS.
 */
function timeCell(measurement: Measurement | undefined, ours: Measurement | undefined): string {
  if (measurement === undefined) return '—';
  const oursMs = ours === undefined || 'error' in ours ? null : measurement.implementation === 'kafkajs' ? ours.medianMs : (ours.assignOnlyMedianMs ?? ours.medianMs);
  if ('error' in measurement) return measurement.deadlineMs === undefined ? 'failed' : `stopped at ${measurement.deadlineMs / 1000} s`;
  const time = `${formatMs(measurement.medianMs)}${measurement.quality.valid ? '' : ' ✗'}`;
  return oursMs === null ? time : `${time} (${formatRatio(oursMs / measurement.medianMs)})`;
}

function assignOnlyCell(ours: Measurement | undefined): string {
  return ours === undefined || 'error' in ours || ours.assignOnlyMedianMs === undefined ? '—' : formatMs(ours.assignOnlyMedianMs);
}

function qualityCell(measurement: Measurement | undefined): string {
  if (measurement === undefined) return '—';
  if ('error' in measurement) return measurement.deadlineMs === undefined ? 'failed' : `stopped after ${measurement.deadlineMs / 1000} s`;
  const quality: Quality = measurement.quality;
  const parts = [`spread ${quality.spread}`];
  if (quality.moved !== null) parts.push(`moved ${quality.moved.toLocaleString('en-US')}`);
  if (quality.unassigned > 0) parts.push(`unassigned ${quality.unassigned.toLocaleString('en-US')}`);
  return `${parts.join(', ')} ${quality.valid ? '✓' : `✗ ${quality.violationCount.toLocaleString('en-US')}`}`;
}

function measurementIndex(measurements: readonly Measurement[]) {
  const byKey = new Map(measurements.map((measurement) => [`${measurement.scenario}\0${measurement.implementation}\0${measurement.assignor}`, measurement]));
  return (scenario: string, implementation: Implementation, assignor: string) => byKey.get(`${scenario}\0${implementation}\0${assignor}`);
}

function groupBySize(scenarios: readonly Scenario[]): Map<string, Scenario[]> {
  const sizes = new Map<string, Scenario[]>();
  for (const scenario of scenarios) {
    const label = `${sizeLabel(scenario)} (${scenario.partitions.toLocaleString('en-US')} partitions)`;
    sizes.set(label, [...(sizes.get(label) ?? []), scenario]);
  }
  return sizes;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
