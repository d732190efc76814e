import { describeEvent, describeTopic } from './describe-event.js';
import { escapeMarkup } from './escape-markup.js';
import type { FigureColumn } from './figure-columns.js';
import { figureDefinitions, NO_TIMINGS_NOTE, ROUNDS_NOTE, TIMINGS_NOTE } from './figure-definitions.js';
import { memberPartitionsChart, movesChart } from './lab-charts.js';
import type { LabFigures } from './lab-figures.js';
import type { LabHistory } from './lab-history.js';
import type { AssignorRun } from './replay-history.js';

export interface LabReport {
  readonly history: LabHistory;
  readonly runs: readonly AssignorRun[];
  readonly figures: readonly LabFigures[];
  readonly columns: readonly FigureColumn[];
  readonly timed: boolean;
}

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 960px; padding: 0 1rem; color: #1e293b; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; } th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid #e2e8f0; }
th { font-weight: 600; vertical-align: bottom; white-space: nowrap; } td { white-space: nowrap; } td.number { text-align: right; font-variant-numeric: tabular-nums; }
dt { font-weight: 600; } dd { margin: 0 0 0.4rem 1.5rem; }
.note { color: #475569; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
svg.chart { font-size: 12px; background: white; }
svg.chart .title { font-size: 14px; font-weight: 600; }
svg.chart .grid { stroke: #e2e8f0; }
svg.chart .frame { fill: none; stroke: #64748b; }
svg.chart .tick, svg.chart .axis { fill: #334155; }
svg.chart .series { fill: none; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; }
svg.chart .legend line { stroke-width: 3; }
ol.history li { margin-bottom: 0.2rem; }
`;

/** The lab's report as one self-contained HTML page: no script, no request to anywhere. */
export function htmlReport(report: LabReport): string {
  const { history, runs, figures, columns, timed } = report;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kafka-assignors lab</title>
<style>${STYLE}</style>
</head>
<body>
<h1>kafka-assignors lab</h1>
<p>${escapeMarkup(history.origin)}</p>
<h2>Figures</h2>
${figuresTable(figures, columns)}
<p class="note">${escapeMarkup(ROUNDS_NOTE)} ${escapeMarkup(timed ? TIMINGS_NOTE : NO_TIMINGS_NOTE)}</p>
<dl>
${figureDefinitions(timed)
  .map(([term, definition]) => `<dt>${escapeMarkup(term)}</dt><dd>${escapeMarkup(definition)}</dd>`)
  .join('\n')}
</dl>
<h2>Partitions moved per round</h2>
${movesChart(figures)}
<h2>Partitions per member over time</h2>
<p class="note">One line per member; a line breaks while its member is out of the group. Hover a line for the member's name.</p>
<div class="charts">
${runs.map(memberPartitionsChart).join('\n')}
</div>
<h2>History</h2>
${historyList(history)}
</body>
</html>
`;
}

function figuresTable(figures: readonly LabFigures[], columns: readonly FigureColumn[]): string {
  const heading = columns.map(({ heading: [top, bottom] }) => `<th>${escapeMarkup(top)}<br>${escapeMarkup(bottom)}</th>`).join('');
  const rows = figures.map(
    (entry) => `<tr><td>${escapeMarkup(entry.assignor)}</td>${columns.map((column) => `<td class="number">${escapeMarkup(column.value(entry))}</td>`).join('')}</tr>`,
  );
  return `<table>\n<thead><tr><th>assignor</th>${heading}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function historyList(history: LabHistory): string {
  const start = `topics ${history.topics.map(describeTopic).join(', ') || 'none'}; ${history.members.map(describeEvent).join('; ') || 'no members'}`;
  const rounds = history.rounds.map((events) => (events.length === 0 ? 'nothing happens' : events.map(describeEvent).join('; ')));
  return `<ol class="history" start="0">\n${[start, ...rounds].map((line) => `<li>${escapeMarkup(line)}</li>`).join('\n')}\n</ol>`;
}
