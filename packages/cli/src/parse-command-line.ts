import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.js';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
type CommandLineConfig<T extends OptionsConfig> = { args: string[]; options: T; allowPositionals: true };

/** A command's options and positionals by node:util's parseArgs; what it refuses (an unknown option, a missing value) is a usage error. */
export function parseCommandLine<const T extends OptionsConfig>(args: readonly string[], options: T): ReturnType<typeof parseArgs<CommandLineConfig<T>>> {
  try {
    return parseArgs<CommandLineConfig<T>>({ args: [...args], options, allowPositionals: true });
  } catch (error) {
    // Node explains some mistakes over several lines; the first one names the problem.
    throw new UsageError((error as Error).message.split('\n')[0] ?? '');
  }
}
