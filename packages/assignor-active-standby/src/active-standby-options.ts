import { systemClock, type Clock } from '@kafka-assignors/core';
import { ActiveStandbyOptionsError } from './active-standby-options-error.js';
import type { ActiveStandbyLogger } from './logger.js';

/**
 * The settings of one member. Every member of the group may have its own. An option given as `undefined` takes its
 * default, so `name: process.env.POD_NAME` works where the variable may be unset.
 */
export interface ActiveStandbyOptions {
  /** Higher wins the election; a 32-bit signed integer. Default 0. */
  readonly priority?: number | undefined;
  /**
   * A stable name for this member, such as its pod name: it orders members of equal priority, and the role
   * events and `describeActiveStandbyGroup` show it. Default: the group instance id of a static member, else none.
   */
  readonly name?: string | undefined;
  /**
   * `false`, or a function that returns `false`, keeps this member from becoming or staying active
   * (maintenance, draining, warming up). A function is called at every join, so a change counts from the
   * next rebalance; a function that throws counts as `false`. Default `true`.
   */
  readonly eligible?: boolean | (() => boolean) | undefined;
  /**
   * Take the role over from a present active of strictly lower priority at the next rebalance, instead of
   * waiting until that active leaves. Default `false`.
   */
  readonly preempt?: boolean | undefined;
  /**
   * Where decisions, unreadable user data and failing listeners are logged. Default: the logger of the
   * client, as an adapter hands it over (under `kafkajsAssigner`, KafkaJS' logger in the namespace
   * `active-standby`); without an adapter (the simulator), the console.
   */
  readonly logger?: ActiveStandbyLogger | undefined;
  /**
   * How much earlier than the coordinator's session the member's lease ends, in milliseconds: room for the
   * member's and the broker's clocks running at slightly different rates. Default 100 (1% of a 10 s
   * session; clocks disciplined by NTP differ by well under 0.1%).
   */
  readonly leaseMarginMs?: number | undefined;
  /**
   * The time source of the lease; tests inject one, and give the same one to `kafkajsAssigner`. Default:
   * the machine's monotonic clock.
   */
  readonly clock?: Clock | undefined;
}

/** The options with their defaults, checked. */
export interface ResolvedOptions {
  readonly priority: number;
  readonly name: string | null;
  readonly eligible: () => boolean;
  readonly preempt: boolean;
  /** `null`: none given, the adapter's or the console. */
  readonly logger: ActiveStandbyLogger | null;
  readonly leaseMarginMs: number;
  readonly clock: Clock;
}

const KNOWN_OPTIONS = new Set(['priority', 'name', 'eligible', 'preempt', 'logger', 'leaseMarginMs', 'clock']);
const DEFAULT_LEASE_MARGIN_MS = 100;
const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;
/** Names travel as int16-length strings. */
const MAX_NAME_BYTES = 0x7fff;

/** Checks the options and fills in the defaults; throws an ActiveStandbyOptionsError naming the first bad one. */
export function resolveOptions(options: ActiveStandbyOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) throw new ActiveStandbyOptionsError('(options)', 'must be an object');
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) throw new ActiveStandbyOptionsError(key, `is not an option (${[...KNOWN_OPTIONS].join(', ')})`);
  }
  const {
    priority = 0,
    name,
    eligible = true,
    preempt = false,
    logger,
    leaseMarginMs = DEFAULT_LEASE_MARGIN_MS,
    clock = systemClock,
  } = options;
  if (!Number.isInteger(priority) || priority < INT32_MIN || priority > INT32_MAX) {
    throw new ActiveStandbyOptionsError('priority', `must be an integer from ${INT32_MIN} to ${INT32_MAX}, not ${String(priority)}`);
  }
  if (name !== undefined) {
    if (typeof name !== 'string' || name === '') throw new ActiveStandbyOptionsError('name', 'must be a non-empty string');
    if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) throw new ActiveStandbyOptionsError('name', `must be at most ${MAX_NAME_BYTES} UTF-8 bytes`);
  }
  if (typeof eligible !== 'boolean' && typeof eligible !== 'function') throw new ActiveStandbyOptionsError('eligible', 'must be a boolean or a function');
  if (typeof preempt !== 'boolean') throw new ActiveStandbyOptionsError('preempt', 'must be a boolean');
  if (logger !== undefined && !hasFunctions(logger, ['info', 'warn', 'error'])) throw new ActiveStandbyOptionsError('logger', 'must have info, warn and error functions');
  if (typeof leaseMarginMs !== 'number' || !Number.isFinite(leaseMarginMs) || leaseMarginMs < 0) {
    throw new ActiveStandbyOptionsError('leaseMarginMs', `must be a finite number of milliseconds, 0 or more, not ${String(leaseMarginMs)}`);
  }
  if (!hasFunctions(clock, ['now', 'schedule'])) throw new ActiveStandbyOptionsError('clock', 'must have now and schedule functions');
  return {
    priority,
    name: name ?? null,
    eligible: typeof eligible === 'boolean' ? () => eligible : eligible,
    preempt,
    logger: logger ?? null,
    leaseMarginMs,
    clock,
  };
}

function hasFunctions(value: unknown, names: readonly string[]): boolean {
  return typeof value === 'object' && value !== null && names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');
}
