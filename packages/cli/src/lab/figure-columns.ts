import type { LabFigures } from './lab-figures.js';

/** One column of the figures table, headed on two lines. */
export interface FigureColumn {
  readonly heading: readonly [string, string];
  readonly value: (figures: LabFigures) => string;
}

const COUNT_COLUMNS: readonly FigureColumn[] = [
  { heading: ['moved', 'total'], value: (figures) => decimal(figures.moves.total) },
  { heading: ['moved', 'median'], value: (figures) => decimal(figures.moves.median) },
  { heading: ['moved', 'worst'], value: (figures) => decimal(figures.moves.worst) },
  { heading: ['spread', 'worst'], value: (figures) => decimal(figures.spread.worst) },
  { heading: ['spread', 'final'], value: (figures) => decimal(figures.spread.final) },
  { heading: ['idle', 'rounds'], value: (figures) => decimal(figures.idleRounds) },
  { heading: ['', 'rebalances'], value: (figures) => decimal(figures.rebalances) },
];

const TIMING_COLUMNS: readonly FigureColumn[] = [
  { heading: ['assign ms', 'median'], value: (figures) => milliseconds(figures.assignMilliseconds?.median) },
  { heading: ['assign ms', 'worst'], value: (figures) => milliseconds(figures.assignMilliseconds?.worst) },
];

/** The columns after the assignor's name; timings only when they were measured. */
export function figureColumns(timed: boolean): readonly FigureColumn[] {
  return timed ? [...COUNT_COLUMNS, ...TIMING_COLUMNS] : COUNT_COLUMNS;
}

function decimal(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function milliseconds(value: number | undefined): string {
  if (value === undefined) return '-';
  return value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2);
}
