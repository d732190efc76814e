import type { BenchResults } from './bench-results.js';
import { formatCount, formatDuration } from './format-numbers.js';
import { IMPLEMENTATION_NAMES, type Implementation } from './implementation.js';
import { variantId, variantLabel } from './scenario-spec.js';
import { svgLineChart, type ChartSeries } from './svg-chart.js';

const COLORS: Readonly<Record<Implementation, string>> = { ours: '#1f6fd1', java: '#d9730d', 'franz-go': '#2a9d55', kafkajs: '#c23b3b' };
/** Solid for range and for KafkaJS' only assignor, a dash pattern of its own for each other protocol. */
const DASHES = new Map<string, string | null>([
  ['range', null],
  ['RoundRobinAssigner', null],
  ['roundrobin', '8 4'],
  ['sticky', '2 3'],
  ['cooperative-sticky', '10 3 2 3'],
]);
const OTHER_DASH = '4 4';

/** The median time of every implementation's every assignor against partition count, for the grid's chart variant. */
export function timeChart(results: BenchResults): string {
  const chartVariant = variantId(results.grid.chartVariant);
  const partitionsOf = new Map(results.scenarios.filter((scenario) => variantId(scenario) === chartVariant).map((scenario) => [scenario.id, scenario.partitions]));
  const series = new Map<string, ChartSeries & { points: { x: number; y: number }[] }>();
  for (const measurement of results.measurements) {
    const partitions = partitionsOf.get(measurement.scenario);
    if (partitions === undefined || 'error' in measurement) continue;
    const key = `${measurement.implementation} ${measurement.assignor}`;
    let line = series.get(key);
    if (line === undefined) {
      line = {
        label: `${IMPLEMENTATION_NAMES[measurement.implementation]} ${measurement.assignor}`,
        color: COLORS[measurement.implementation],
        dash: DASHES.has(measurement.assignor) ? (DASHES.get(measurement.assignor) ?? null) : OTHER_DASH,
        points: [],
      };
      series.set(key, line);
    }
    line.points.push({ x: partitions, y: measurement.medianMs });
  }
  return svgLineChart([...series.values()], {
    title: `Median time against partition count (${variantLabel(results.grid.chartVariant)}), ${results.grid.name} grid`,
    xLabel: 'partitions in the group (log scale)',
    yLabel: 'median time per assignment (log scale)',
    formatX: formatCount,
    formatY: formatDuration,
  });
}
