import type { FigureColumn } from './figure-columns.js';
import { figureDefinitions, NO_TIMINGS_NOTE, ROUNDS_NOTE, TIMINGS_NOTE } from './figure-definitions.js';
import type { LabFigures } from './lab-figures.js';
import type { LabHistory } from './lab-history.js';
import { labTable } from './lab-table.js';

const LINE_WIDTH = 100;

/** What the lab prints: where the history comes from, the figures table, what the figures mean, where the report is. */
export function labSummary(history: LabHistory, figures: readonly LabFigures[], columns: readonly FigureColumn[], timed: boolean, reportPath: string): string {
  const terms = figureDefinitions(timed);
  const termWidth = Math.max(...terms.map(([term]) => term.length));
  return [
    wrap('kafka-assignors lab, ', history.origin),
    '',
    labTable(figures, columns),
    ...terms.map(([term, definition]) => wrap(`${term.padEnd(termWidth)}  `, definition)),
    '',
    wrap('', `${ROUNDS_NOTE} ${timed ? TIMINGS_NOTE : NO_TIMINGS_NOTE}`),
    '',
    `Report: ${reportPath}`,
    '',
  ].join('\n');
}

/** `prefix` then `text` in lines of at most LINE_WIDTH characters, broken between words, indented under the text. */
function wrap(prefix: string, text: string): string {
  const lines: string[] = [];
  let line = prefix;
  let started = false;
  for (const word of text.split(' ')) {
    if (started && line.length + 1 + word.length > LINE_WIDTH) {
      lines.push(line);
      line = ' '.repeat(prefix.length);
      started = false;
    }
    line = started ? `${line} ${word}` : `${line}${word}`;
    started = true;
  }
  return [...lines, line].join('\n');
}
