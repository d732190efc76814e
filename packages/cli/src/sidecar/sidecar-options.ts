import { DEFAULT_ROLE_ENDPOINT_PORT } from '@kafka-assignors/assignor-active-standby';
import type { CliInput } from '../cli-result.js';
import { kafkaConnection, parseConnectionCommandLine } from '../connection/connection-options.js';
import type { KafkaConnection } from '../connection/kafka-connection.js';
import { UsageError } from '../usage-error.js';

/** What `kafka-assignors sidecar` was asked to do, checked. */
export interface SidecarSettings {
  readonly connection: KafkaConnection;
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly name: string | undefined;
  readonly priority: number;
  readonly port: number;
  readonly host: string;
}

const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;
const HIGHEST_PORT = 65535;

/**
 * The sidecar's command line and the connection variables of its environment as settings, or `help`; throws a
 * UsageError (or ConnectionSettingsError) naming the first bad option.
 */
export async function parseSidecarOptions(args: readonly string[], input: Pick<CliInput, 'environment' | 'readFile'>): Promise<SidecarSettings | 'help'> {
  const { values, positionals } = parseOptions(args);
  if (values.help === true) return 'help';
  if (positionals.length > 0) throw new UsageError(`sidecar takes no arguments, got "${positionals.join(' ')}"`);
  if (values.group === undefined || values.group === '') throw new UsageError('sidecar needs --group ID; try --help');
  const topics = values.topic ?? [];
  if (topics.length === 0 || topics.includes('')) throw new UsageError('sidecar needs --topic NAME; try --help');
  if (values.name === '') throw new UsageError('--name: expected a non-empty name');
  if (values.host === '') throw new UsageError('--host: expected a host name or address');
  const connection = await kafkaConnection(values, input.environment, (path) => input.readFile(path), 'sidecar');
  return {
    connection,
    groupId: values.group,
    topics,
    name: values.name,
    priority: values.priority === undefined ? 0 : parseInteger('--priority', values.priority, INT32_MIN, INT32_MAX),
    port: values.port === undefined ? DEFAULT_ROLE_ENDPOINT_PORT : parseInteger('--port', values.port, 0, HIGHEST_PORT),
    host: values.host ?? '127.0.0.1',
  };
}

function parseInteger(option: string, text: string, lowest: number, highest: number): number {
  const value = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= lowest && value <= highest)) throw new UsageError(`${option}: "${text}" is not an integer from ${lowest} to ${highest}`);
  return value;
}

function parseOptions(args: readonly string[]) {
  return parseConnectionCommandLine(args, {
      group: { type: 'string', short: 'g' },
      topic: { type: 'string', short: 't', multiple: true },
      name: { type: 'string' },
      priority: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
  });
}
