import { UsageError } from '../usage-error.js';
import { LAB_EVENT_KINDS, type LabEventKind } from './lab-history.js';

/** How often the generator draws each kind of event, as relative weights; kinds left out are never drawn. */
export type ChurnMix = ReadonlyMap<LabEventKind, number>;

/** Joins a little ahead of departures, so that groups neither fade away nor pile up over a run. */
export const DEFAULT_CHURN_MIX: ChurnMix = new Map<LabEventKind, number>([
  ['join', 4],
  ['leave', 2],
  ['crash', 1],
  ['expire', 1],
  ['rejoin', 1],
  ['subscribe', 2],
  ['add-partitions', 1],
]);

const MAX_WEIGHT = 1000;

/** Reads `join=4,leave=2,...`. */
export function parseChurnMix(text: string): ChurnMix {
  const mix = new Map<LabEventKind, number>();
  for (const entry of text.split(',')) {
    const [kind, weight, ...extra] = entry.trim().split('=');
    if (kind === undefined || weight === undefined || extra.length > 0) throw new UsageError(`--churn takes KIND=WEIGHT,..., not "${entry}"`);
    const known = LAB_EVENT_KINDS.find((candidate) => candidate === kind);
    if (known === undefined) throw new UsageError(`--churn: unknown event "${kind}" (events: ${LAB_EVENT_KINDS.join(', ')})`);
    if (mix.has(known)) throw new UsageError(`--churn names ${known} twice`);
    if (!/^\d+$/.test(weight) || Number(weight) > MAX_WEIGHT) throw new UsageError(`--churn: the weight of ${known} must be an integer from 0 to ${MAX_WEIGHT}, not "${weight}"`);
    mix.set(known, Number(weight));
  }
  if (![...mix.values()].some((weight) => weight > 0)) throw new UsageError('--churn needs at least one event with a weight above 0');
  return mix;
}

export function formatChurnMix(mix: ChurnMix): string {
  return [...mix].filter(([, weight]) => weight > 0).map(([kind, weight]) => `${kind}=${weight}`).join(',');
}
