import { parseArgs } from 'node:util';
import type { CatalogEntry } from '../assignor-catalog.js';
import type { CliInput, CliResult } from '../cli-result.js';
import { usage } from '../usage.js';
import { UsageError } from '../usage-error.js';
import { parseBrokerList } from './broker-list.js';
import { ClusterError } from './cluster-error.js';
import { describeGroup } from './describe-group.js';
import { fetchDescribedGroup } from './fetch-described-group.js';
import { formatGroupText } from './format-group-text.js';

/** `kafka-assignors describe --brokers HOST:PORT --group ID [--json]`: a live group, decoded. */
export async function describeCommand(args: readonly string[], _input: CliInput, catalog: readonly CatalogEntry[]): Promise<CliResult> {
  const { values, positionals } = parseOptions(args);
  if (values.help === true) return { exitCode: 0, stdout: usage(catalog), stderr: '' };
  if (positionals.length > 0) throw new UsageError(`describe takes no arguments, got "${positionals.join(' ')}"`);
  if (values.brokers === undefined) throw new UsageError('describe needs --brokers HOST:PORT; try --help');
  if (values.group === undefined || values.group === '') throw new UsageError('describe needs --group ID; try --help');
  const brokers = parseBrokerList(values.brokers);

  try {
    const group = await describeGroup(await fetchDescribedGroup(brokers, values.group));
    const stdout = values.json === true ? `${JSON.stringify(group, null, 2)}\n` : formatGroupText(group);
    return { exitCode: 0, stdout, stderr: '' };
  } catch (error) {
    if (error instanceof ClusterError) return { exitCode: 1, stdout: '', stderr: `kafka-assignors: ${error.message}\n` };
    throw error;
  }
}

function parseOptions(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: {
        brokers: { type: 'string', short: 'b' },
        group: { type: 'string', short: 'g' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
