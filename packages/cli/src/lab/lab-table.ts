import type { FigureColumn } from './figure-columns.js';
import type { LabFigures } from './lab-figures.js';

const GAP = '  ';

/** The figures as a plain-text table: assignor names left-aligned, figures right-aligned under their headings. */
export function labTable(figures: readonly LabFigures[], columns: readonly FigureColumn[]): string {
  const rows = figures.map((entry) => [entry.assignor, ...columns.map((column) => column.value(entry))]);
  const headings = [['', 'assignor'], ...columns.map((column) => column.heading)];
  const widths = headings.map((heading, index) => Math.max(...heading.map((line) => line.length), ...rows.map((row) => (row[index] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0)))
      .join(GAP)
      .trimEnd();
  return [line(headings.map(([top]) => top)), line(headings.map(([, bottom]) => bottom)), ...rows.map(line)].join('\n') + '\n';
}
