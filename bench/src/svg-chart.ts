export interface ChartPoint {
  readonly x: number;
  readonly y: number;
}

export interface ChartSeries {
  readonly label: string;
  readonly color: string;
  /** An SVG stroke-dasharray, or null for a solid line. */
  readonly dash: string | null;
  readonly points: readonly ChartPoint[];
}

export interface ChartOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly formatX: (value: number) => string;
  readonly formatY: (value: number) => string;
}

const WIDTH = 960;
const HEIGHT = 560;
const PLOT = { left: 90, right: 690, top: 60, bottom: 490 };
const LEGEND_X = 715;
const LEGEND_LINE_HEIGHT = 20;

/**
 * A line chart with logarithmic axes, as SVG text: one line per series (points joined in order of x, each
 * marked), grid lines and labels at every power of ten, and a legend on the right. Series without points are
 * left out; non-positive values cannot sit on a log axis and are dropped.
 */
export function svgLineChart(series: readonly ChartSeries[], options: ChartOptions): string {
  const drawn = series
    .map((line) => ({ ...line, points: line.points.filter((point) => point.x > 0 && point.y > 0).sort((a, b) => a.x - b.x) }))
    .filter((line) => line.points.length > 0);
  const points = drawn.flatMap((line) => line.points);
  const xDecades = decades(points.map((point) => point.x));
  const yDecades = decades(points.map((point) => point.y));
  const scale = (value: number, [low, high]: readonly [number, number], from: number, to: number) =>
    from + ((Math.log10(value) - low) / (high - low)) * (to - from);
  const px = (x: number) => round(scale(x, xDecades, PLOT.left, PLOT.right));
  const py = (y: number) => round(scale(y, yDecades, PLOT.bottom, PLOT.top));

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${(PLOT.left + PLOT.right) / 2}" y="28" text-anchor="middle" font-size="15" font-weight="bold">${escapeXml(options.title)}</text>`,
  ];
  for (let decade = xDecades[0]; decade <= xDecades[1]; decade++) {
    const x = px(10 ** decade);
    parts.push(`<line x1="${x}" y1="${PLOT.top}" x2="${x}" y2="${PLOT.bottom}" stroke="#ddd"/>`);
    parts.push(`<text x="${x}" y="${PLOT.bottom + 18}" text-anchor="middle">${escapeXml(options.formatX(10 ** decade))}</text>`);
  }
  for (let decade = yDecades[0]; decade <= yDecades[1]; decade++) {
    const y = py(10 ** decade);
    parts.push(`<line x1="${PLOT.left}" y1="${y}" x2="${PLOT.right}" y2="${y}" stroke="#ddd"/>`);
    parts.push(`<text x="${PLOT.left - 8}" y="${y + 4}" text-anchor="end">${escapeXml(options.formatY(10 ** decade))}</text>`);
  }
  parts.push(`<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.right - PLOT.left}" height="${PLOT.bottom - PLOT.top}" fill="none" stroke="#333"/>`);
  parts.push(`<text x="${(PLOT.left + PLOT.right) / 2}" y="${PLOT.bottom + 44}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`);
  parts.push(
    `<text x="22" y="${(PLOT.top + PLOT.bottom) / 2}" text-anchor="middle" transform="rotate(-90 22 ${(PLOT.top + PLOT.bottom) / 2})">${escapeXml(options.yLabel)}</text>`,
  );

  drawn.forEach((line, index) => {
    const dash = line.dash === null ? '' : ` stroke-dasharray="${line.dash}"`;
    const coordinates = line.points.map((point) => `${px(point.x)},${py(point.y)}`);
    parts.push(`<polyline points="${coordinates.join(' ')}" fill="none" stroke="${line.color}" stroke-width="2"${dash}/>`);
    for (const point of line.points) parts.push(`<circle cx="${px(point.x)}" cy="${py(point.y)}" r="3" fill="${line.color}"/>`);
    const y = PLOT.top + 8 + index * LEGEND_LINE_HEIGHT;
    parts.push(`<line x1="${LEGEND_X}" y1="${y}" x2="${LEGEND_X + 30}" y2="${y}" stroke="${line.color}" stroke-width="2"${dash}/>`);
    parts.push(`<text x="${LEGEND_X + 38}" y="${y + 4}">${escapeXml(line.label)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** The powers of ten (as exponents) that enclose the values; one decade when there are none. */
function decades(values: readonly number[]): readonly [number, number] {
  if (values.length === 0) return [0, 1];
  const low = Math.floor(Math.log10(Math.min(...values)));
  const high = Math.ceil(Math.log10(Math.max(...values)));
  return [low, high === low ? low + 1 : high];
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
