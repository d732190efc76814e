import { InvalidAssignmentError, validateAssignment } from '@kafka-assignors/core';
import { assignmentJson, parseScenario, scenarioGroup } from '@kafka-assignors/core/scenario';
import type { CatalogEntry } from './assignor-catalog.js';
import type { CliInput, CliResult } from './cli-result.js';
import { formatAssignment } from './format-assignment.js';
import { usage } from './usage.js';
import { UsageError } from './usage-error.js';
import { parseCommandLine } from './parse-command-line.js';

/** `kafka-assignors assign --assignor NAME [FILE]`: one rebalance of a scenario through one assignor. */
export async function assignCommand(args: readonly string[], input: CliInput, catalog: readonly CatalogEntry[]): Promise<CliResult> {
  const { values, positionals } = parseOptions(args);
  if (values.help === true) return { exitCode: 0, stdout: usage(catalog), stderr: '' };
  if (positionals.length > 1) throw new UsageError(`assign takes at most one FILE, got ${positionals.length}`);
  const name = values.assignor;
  if (name === undefined) throw new UsageError('assign needs --assignor NAME; try --help');
  const entry = catalog.find((candidate) => candidate.name === name);
  if (entry === undefined) {
    const known = catalog.map((candidate) => candidate.name).join(', ') || 'none yet';
    throw new UsageError(`unknown assignor "${name}" (available: ${known})`);
  }

  const file = positionals[0];
  const text = file === undefined || file === '-' ? await input.readStdin() : await readScenarioFile(input, file);
  const scenario = parseScenario(text);
  const group = scenarioGroup(scenario, (member) => entry.create(member));
  const assignment = entry.create(scenario.members[0] ?? { memberId: 'leader', topics: [] }).assign(group);
  const violations = validateAssignment(group, assignment);
  if (violations.length > 0) throw new InvalidAssignmentError(entry.name, violations);
  const output = assignmentJson(
    scenario.members.map((member) => member.memberId),
    assignment,
  );
  return { exitCode: 0, stdout: formatAssignment(output), stderr: '' };
}

function parseOptions(args: readonly string[]) {
  return parseCommandLine(args, { assignor: { type: 'string', short: 'a' }, help: { type: 'boolean', short: 'h' } });
}

async function readScenarioFile(input: CliInput, path: string): Promise<string> {
  try {
    return await input.readFile(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
