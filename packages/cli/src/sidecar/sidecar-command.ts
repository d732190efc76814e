import type { CatalogEntry } from '../assignor-catalog.js';
import type { CliInput, CliResult } from '../cli-result.js';
import { ClusterError } from '../connection/cluster-error.js';
import { usage } from '../usage.js';
import { runSidecar } from './run-sidecar.js';
import { SidecarError } from './sidecar-error.js';
import { parseSidecarOptions } from './sidecar-options.js';

/**
 * `kafka-assignors sidecar --brokers HOST:PORT --group ID --topic NAME [--name NAME] [--priority N] [--port N] [--host HOST]`:
 * an active-standby member that serves its role for an app in another language, until SIGTERM or SIGINT.
 */
export async function sidecarCommand(args: readonly string[], input: CliInput, catalog: readonly CatalogEntry[]): Promise<CliResult> {
  const settings = await parseSidecarOptions(args, input);
  if (settings === 'help') return { exitCode: 0, stdout: usage(catalog), stderr: '' };
  try {
    await runSidecar(settings, { write: (text) => input.writeStdout(text), stop: input.catchInterrupt() });
    return { exitCode: 0, stdout: '', stderr: '' };
  } catch (error) {
    if (error instanceof ClusterError || error instanceof SidecarError) return { exitCode: 1, stdout: '', stderr: `kafka-assignors: ${error.message}\n` };
    throw error;
  }
}
