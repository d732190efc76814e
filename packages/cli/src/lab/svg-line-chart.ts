import { escapeMarkup } from './escape-markup.js';

export interface LineSeries {
  readonly label: string;
  readonly color: string;
  /** Dashed lines are drawn over solid ones, so that a series equal to another still shows. */
  readonly dashed: boolean;
  /** One value per position on the x axis; `null` leaves a gap in the line. */
  readonly values: readonly (number | null)[];
}

export interface LineChartOptions {
  /** Names the chart in the page (its `data-chart` attribute). */
  readonly name: string;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** The x value of each series' first value; the next ones follow one apart. */
  readonly firstX: number;
  readonly width: number;
  readonly height: number;
  /** A legend on the right naming each series; without it, hovering a line shows its name. */
  readonly legend: boolean;
}

const MARGIN = { top: 30, bottom: 44, left: 60, right: 16 };
const LEGEND_WIDTH = 150;
const LEGEND_LINE_HEIGHT = 18;
const TICK_TARGET = 5;

/**
 * A line chart as inline SVG: linear axes from zero (y) and from `firstX` (x) with round-number ticks and
 * grid lines, one path per series (points joined in order, a lone point drawn as a dot by the round line cap).
 */
export function svgLineChart(series: readonly LineSeries[], options: LineChartOptions): string {
  const plot = {
    left: MARGIN.left,
    right: options.width - MARGIN.right - (options.legend ? LEGEND_WIDTH : 0),
    top: MARGIN.top,
    bottom: options.height - MARGIN.bottom,
  };
  const positions = Math.max(2, ...series.map((line) => line.values.length));
  const xStep = tickStep(positions - 1);
  const yMax = series.reduce((most, line) => line.values.reduce<number>((max, value) => Math.max(max, value ?? 0), most), 0);
  const yStep = tickStep(yMax);
  const yTop = Math.max(yStep, Math.ceil(yMax / yStep) * yStep);
  const px = (position: number) => round(plot.left + (position / (positions - 1)) * (plot.right - plot.left));
  const py = (value: number) => round(plot.bottom - (value / yTop) * (plot.bottom - plot.top));

  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart="${escapeMarkup(options.name)}" width="${options.width}" height="${options.height}" viewBox="0 0 ${options.width} ${options.height}" role="img" aria-label="${escapeMarkup(options.title)}">`,
    `<text class="title" x="${plot.left}" y="18">${escapeMarkup(options.title)}</text>`,
  ];
  for (let value = 0; value <= yTop; value += yStep) {
    parts.push(`<line class="grid" x1="${plot.left}" y1="${py(value)}" x2="${plot.right}" y2="${py(value)}"/>`);
    parts.push(`<text class="tick" x="${plot.left - 6}" y="${py(value) + 4}" text-anchor="end">${value}</text>`);
  }
  for (let x = Math.ceil(options.firstX / xStep) * xStep; x < options.firstX + positions; x += xStep) {
    parts.push(`<text class="tick" x="${px(x - options.firstX)}" y="${plot.bottom + 16}" text-anchor="middle">${x}</text>`);
  }
  parts.push(`<rect class="frame" x="${plot.left}" y="${plot.top}" width="${plot.right - plot.left}" height="${plot.bottom - plot.top}"/>`);
  parts.push(`<text class="axis" x="${(plot.left + plot.right) / 2}" y="${options.height - 8}" text-anchor="middle">${escapeMarkup(options.xLabel)}</text>`);
  parts.push(
    `<text class="axis" transform="translate(14 ${(plot.top + plot.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeMarkup(options.yLabel)}</text>`,
  );
  for (const line of [...series.filter((line) => !line.dashed), ...series.filter((line) => line.dashed)]) {
    parts.push(
      `<path class="series" data-series="${escapeMarkup(line.label)}" stroke="${line.color}"${dash(line)} d="${pathData(line.values, px, py)}"><title>${escapeMarkup(line.label)}</title></path>`,
    );
  }
  if (options.legend) {
    series.forEach((line, index) => {
      const y = plot.top + 8 + index * LEGEND_LINE_HEIGHT;
      const x = plot.right + 16;
      parts.push(
        `<g class="legend"><line x1="${x}" y1="${y}" x2="${x + 22}" y2="${y}" stroke="${line.color}"${dash(line)}/><text x="${x + 28}" y="${y + 4}">${escapeMarkup(line.label)}</text></g>`,
      );
    });
  }
  parts.push('</svg>');
  return parts.join('\n');
}

function dash(line: LineSeries): string {
  return line.dashed ? ' stroke-dasharray="6 4"' : '';
}

/** Moves to the first point after a gap, draws lines to the points that follow it. */
function pathData(values: readonly (number | null)[], px: (position: number) => number, py: (value: number) => number): string {
  const commands: string[] = [];
  let drawing = false;
  values.forEach((value, position) => {
    if (value === null) {
      drawing = false;
      return;
    }
    commands.push(`${drawing ? 'L' : 'M'}${px(position)} ${py(value)}`);
    // A zero-length segment, so that a point with no neighbours still shows as a dot.
    if (!drawing && values[position + 1] == null) commands.push('l0 0');
    drawing = true;
  });
  return commands.join(' ');
}

/** A round step (1, 2 or 5 times a power of ten, at least 1) that cuts `span` into about five ticks. */
function tickStep(span: number): number {
  const raw = Math.max(1, span / TICK_TARGET);
  const power = 10 ** Math.floor(Math.log10(raw));
  const multiple = [1, 2, 5, 10].find((candidate) => candidate * power >= raw) ?? 10;
  return multiple * power;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
