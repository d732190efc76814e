import { setTimeout as delay } from 'node:timers/promises';
import type { CatalogEntry } from '../assignor-catalog.js';
import type { CliInput, CliResult } from '../cli-result.js';
import { usage } from '../usage.js';
import { UsageError } from '../usage-error.js';
import { ClusterError } from '../connection/cluster-error.js';
import { kafkaConnection, parseConnectionCommandLine } from '../connection/connection-options.js';
import { describeGroup } from './describe-group.js';
import { fetchDescribedGroup } from './fetch-described-group.js';
import { formatGroupText } from './format-group-text.js';
import type { GroupDescription } from './group-description.js';
import { watchGroup } from './watch-group.js';

const DEFAULT_WATCH_INTERVAL_MS = 1000;

/**
 * `kafka-assignors describe --brokers HOST:PORT --group ID [--json] [--watch [--interval MS]]` and the connection
 * flags: a live group, decoded.
 */
export async function describeCommand(args: readonly string[], input: CliInput, catalog: readonly CatalogEntry[]): Promise<CliResult> {
  const { values, positionals } = parseOptions(args);
  if (values.help === true) return { exitCode: 0, stdout: usage(catalog), stderr: '' };
  if (positionals.length > 0) throw new UsageError(`describe takes no arguments, got "${positionals.join(' ')}"`);
  if (values.group === undefined || values.group === '') throw new UsageError('describe needs --group ID; try --help');
  if (values.interval !== undefined && values.watch !== true) throw new UsageError('--interval goes with --watch');
  const intervalMs = values.interval === undefined ? DEFAULT_WATCH_INTERVAL_MS : parseInterval(values.interval);
  const connection = await kafkaConnection(values, input.environment, (path) => input.readFile(path), 'describe');
  const groupId = values.group;
  const describe = async (): Promise<GroupDescription> => describeGroup(await fetchDescribedGroup(connection, groupId));

  try {
    if (values.watch === true) {
      const surroundings = { describe, sleep, now: () => new Date(), write: (line: string) => input.writeStdout(line), signal: input.catchInterrupt() };
      await watchGroup(surroundings, { intervalMs, format: values.json === true ? 'json' : 'text' });
      return { exitCode: 0, stdout: '', stderr: '' };
    }
    const group = await describe();
    const stdout = values.json === true ? `${JSON.stringify(group, null, 2)}\n` : formatGroupText(group);
    return { exitCode: 0, stdout, stderr: '' };
  } catch (error) {
    if (error instanceof ClusterError) return { exitCode: 1, stdout: '', stderr: `kafka-assignors: ${error.message}\n` };
    throw error;
  }
}

function parseInterval(text: string): number {
  const intervalMs = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(intervalMs >= 1 && intervalMs <= 2 ** 31 - 1)) throw new UsageError(`--interval: "${text}" is not a number of milliseconds from 1 to 2147483647`);
  return intervalMs;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, { signal });
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}

function parseOptions(args: readonly string[]) {
  return parseConnectionCommandLine(args, {
      group: { type: 'string', short: 'g' },
      json: { type: 'boolean' },
      watch: { type: 'boolean', short: 'w' },
      interval: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
  });
}
