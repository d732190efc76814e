import { expect, it } from 'vitest';
import { svgLineChart } from '../src/svg-chart.js';

const options = { title: 'A & B', xLabel: 'partitions', yLabel: 'time', formatX: (x: number) => `${x}p`, formatY: (y: number) => `${y}ms` };

it('draws one line per series on log axes with a grid line at every power of ten', () => {
  const svg = svgLineChart(
    [
      { label: 'ours <range>', color: '#00f', dash: null, points: [{ x: 1000, y: 1 }, { x: 100, y: 0.1 }] },
      { label: 'peer', color: '#f00', dash: '4 2', points: [{ x: 100, y: 1 }, { x: 10_000, y: 100 }] },
      { label: 'nothing measured', color: '#0f0', dash: null, points: [] },
    ],
    options,
  );
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  expect(svg.match(/<polyline /g)).toHaveLength(2);
  expect(svg).toContain('stroke-dasharray="4 2"');
  // x from 100 to 10,000 and y from 0.1 to 100: three and four decades, each labelled.
  for (const label of ['100p', '1000p', '10000p', '0.1ms', '1ms', '10ms', '100ms']) expect(svg).toContain(`>${label}</text>`);
  expect(svg).toContain('A &amp; B');
  expect(svg).toContain('ours &lt;range&gt;');
  expect(svg).not.toContain('nothing measured');
});

it('joins a series\' points in order of x, from left to right', () => {
  const svg = svgLineChart([{ label: 's', color: '#000', dash: null, points: [{ x: 1000, y: 10 }, { x: 10, y: 1 }, { x: 100, y: 100 }] }], options);
  const xs = /<polyline points="([^"]+)"/.exec(svg)?.[1]?.split(' ').map((point) => Number(point.split(',')[0]));
  expect(xs).toEqual([...(xs ?? [])].sort((a, b) => a - b));
});
