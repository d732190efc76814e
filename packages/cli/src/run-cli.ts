import { InvalidAssignmentError, MalformedGroupError } from '@kafka-assignors/core';
import { ScenarioError } from '@kafka-assignors/core/scenario';
import { assignCommand } from './assign-command.js';
import { assignorCatalog, type CatalogEntry } from './assignor-catalog.js';
import type { CliInput, CliResult } from './cli-result.js';
import { cliVersion } from './cli-version.js';
import { ConnectionSettingsError } from './connection/connection-settings-error.js';
import { describeCommand } from './describe/describe-command.js';
import { labCommand } from './lab/lab-command.js';
import { sidecarCommand } from './sidecar/sidecar-command.js';
import { usage } from './usage.js';
import { UsageError } from './usage-error.js';

export type { CliInput, CliResult } from './cli-result.js';

type Command = (args: readonly string[], input: CliInput, catalog: readonly CatalogEntry[]) => Promise<CliResult>;

const commands: Readonly<Record<string, Command>> = {
  assign: assignCommand,
  describe: describeCommand,
  lab: labCommand,
  sidecar: sidecarCommand,
};

export async function runCli(argv: readonly string[], input: CliInput, catalog: readonly CatalogEntry[] = assignorCatalog): Promise<CliResult> {
  try {
    return await run(argv, input, catalog);
  } catch (error) {
    // A scenario passes its own checks and still makes a group no assignor takes, e.g. with a repeated group instance id.
    if (error instanceof UsageError || error instanceof ConnectionSettingsError || error instanceof ScenarioError || error instanceof MalformedGroupError) {
      return { exitCode: 2, stdout: '', stderr: `kafka-assignors: ${error.message}\n` };
    }
    if (error instanceof InvalidAssignmentError) return { exitCode: 1, stdout: '', stderr: `kafka-assignors: ${error.message}\n` };
    throw error;
  }
}

async function run(argv: readonly string[], input: CliInput, catalog: readonly CatalogEntry[]): Promise<CliResult> {
  const [name, ...rest] = argv;
  if (name === undefined) return { exitCode: 2, stdout: '', stderr: usage(catalog) };
  if (name === '--help' || name === '-h' || name === 'help') return { exitCode: 0, stdout: usage(catalog), stderr: '' };
  if (name === '--version' || name === '-V') return { exitCode: 0, stdout: `${await cliVersion()}\n`, stderr: '' };
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (command === undefined) throw new UsageError(`unknown command "${name}"; try --help`);
  return command(rest, input, catalog);
}
