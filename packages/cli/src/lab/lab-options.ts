import { UsageError } from '../usage-error.js';
import { parseChurnMix } from './churn-mix.js';
import { DEFAULT_HISTORY_SETTINGS, type HistorySettings } from './generate-history.js';
import { parseCommandLine } from '../parse-command-line.js';

const DEFAULT_REPORT_PATH = 'kafka-assignors-lab.html';

/** A history to generate from settings, or to read from a script file. */
export type HistorySource = { readonly settings: HistorySettings } | { readonly script: string };

export interface LabOptions {
  readonly help: boolean;
  readonly source: HistorySource;
  /** Assignors to run, in this order; empty for all of them. */
  readonly assignors: readonly string[];
  readonly reportPath: string;
  readonly timings: boolean;
}

/** The generator's numeric settings, with the range each accepts. */
const NUMBERS = {
  seed: { min: 0, max: 0xffff_ffff },
  members: { min: 1, max: 10_000 },
  topics: { min: 1, max: 1_000 },
  partitions: { min: 1, max: 1_000_000 },
  rounds: { min: 1, max: 100_000 },
  racks: { min: 0, max: 100 },
} as const;

type NumberSetting = keyof typeof NUMBERS;

const GENERATOR_OPTIONS = [...(Object.keys(NUMBERS) as NumberSetting[]), 'churn'] as const;

export function parseLabOptions(args: readonly string[]): LabOptions {
  const { values, positionals } = parseOptions(args);
  if (positionals.length > 0) throw new UsageError(`lab takes no FILE argument, got "${positionals[0]}"; a script is read with --script FILE`);
  const common = { help: values.help === true, assignors: values.assignor ?? [], reportPath: values.out ?? DEFAULT_REPORT_PATH, timings: values['no-timings'] !== true };
  if (values.script !== undefined) {
    const clash = GENERATOR_OPTIONS.find((option) => values[option] !== undefined);
    if (clash !== undefined) throw new UsageError(`--${clash} sets up a generated history and cannot go with --script`);
    return { ...common, source: { script: values.script } };
  }
  const number = (setting: NumberSetting) => {
    const text = values[setting];
    if (text === undefined) return DEFAULT_HISTORY_SETTINGS[setting];
    const { min, max } = NUMBERS[setting];
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw new UsageError(`--${setting} must be an integer from ${min} to ${max}, not "${text}"`);
    return Number(text);
  };
  const settings: HistorySettings = {
    seed: number('seed'),
    members: number('members'),
    topics: number('topics'),
    partitions: number('partitions'),
    rounds: number('rounds'),
    racks: number('racks'),
    churn: values.churn === undefined ? DEFAULT_HISTORY_SETTINGS.churn : parseChurnMix(values.churn),
  };
  if (settings.partitions < settings.topics) {
    throw new UsageError(`--partitions (${settings.partitions}) must be at least the number of topics (${settings.topics}): every topic has a partition`);
  }
  return { ...common, source: { settings } };
}

function parseOptions(args: readonly string[]) {
  return parseCommandLine(args, {
    seed: { type: 'string' },
    members: { type: 'string' },
    topics: { type: 'string' },
    partitions: { type: 'string' },
    rounds: { type: 'string' },
    racks: { type: 'string' },
    churn: { type: 'string' },
    script: { type: 'string' },
    assignor: { type: 'string', short: 'a', multiple: true },
    out: { type: 'string', short: 'o' },
    'no-timings': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
}
