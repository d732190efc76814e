import { ScenarioError } from '@kafka-assignors/core/scenario';
import type { CatalogEntry } from '../assignor-catalog.js';
import type { CliInput, CliResult } from '../cli-result.js';
import { usage } from '../usage.js';
import { UsageError } from '../usage-error.js';
import { figureColumns } from './figure-columns.js';
import { generateHistory } from './generate-history.js';
import { htmlReport } from './html-report.js';
import { labFigures } from './lab-figures.js';
import type { LabHistory } from './lab-history.js';
import { parseLabOptions, type HistorySource } from './lab-options.js';
import { labSummary } from './lab-summary.js';
import { ProgressBar } from './progress-bar.js';
import { parseLabScript } from './read-lab-script.js';
import { replayHistory, type AssignorRun } from './replay-history.js';

/**
 * `kafka-assignors lab`: one history of a group (generated from a seed, or scripted) through each assignor in
 * the in-memory simulator; prints figures per assignor and writes an HTML report with charts.
 */
export async function labCommand(args: readonly string[], input: CliInput, catalog: readonly CatalogEntry[]): Promise<CliResult> {
  const options = parseLabOptions(args);
  if (options.help) return { exitCode: 0, stdout: usage(catalog), stderr: '' };
  const entries = chosenAssignors(options.assignors, catalog);
  const history = await loadHistory(options.source, input);

  const roundsPerRun = history.rounds.length + 1;
  const progress = new ProgressBar(input.terminal, () => input.now(), entries.length * roundsPerRun);
  let runs: AssignorRun[];
  try {
    runs = entries.map((entry, index) =>
      replayHistory(history, entry, options.timings ? () => input.now() : null, (round) => progress.update(index * roundsPerRun + round + 1, entry.name)),
    );
  } finally {
    progress.finish();
  }

  const figures = runs.map(labFigures);
  const columns = figureColumns(options.timings);
  await writeReport(input, options.reportPath, htmlReport({ history, runs, figures, columns, timed: options.timings }));
  return { exitCode: 0, stdout: labSummary(history, figures, columns, options.timings, options.reportPath), stderr: '' };
}

function chosenAssignors(names: readonly string[], catalog: readonly CatalogEntry[]): readonly CatalogEntry[] {
  if (names.length === 0) return catalog;
  return [...new Set(names)].map((name) => {
    const entry = catalog.find((candidate) => candidate.name === name);
    if (entry === undefined) throw new UsageError(`unknown assignor "${name}" (available: ${catalog.map((candidate) => candidate.name).join(', ')})`);
    return entry;
  });
}

async function loadHistory(source: HistorySource, input: CliInput): Promise<LabHistory> {
  if ('settings' in source) return generateHistory(source.settings);
  let text: string;
  try {
    text = await input.readFile(source.script);
  } catch (error) {
    throw new UsageError(`cannot read ${source.script}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return parseLabScript(text, `script ${source.script}`);
  } catch (error) {
    if (error instanceof ScenarioError) throw new UsageError(`${source.script}: ${error.message}`);
    throw error;
  }
}

async function writeReport(input: CliInput, path: string, html: string): Promise<void> {
  try {
    await input.writeFile(path, html);
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
