import { InvalidArgumentError, systemClock, type Clock } from '@kafka-assignors/core';
import { checkOptionKeys } from '@kafka-assignors/core/internal';
import type { WatchedConsumer } from './consumer-liveness.js';

/** What `/metrics` serves: a prom-client `Registry` fits. */
export interface MetricsRegistry {
  metrics(): Promise<string>;
  readonly contentType: string;
}

/** An option given as `undefined` takes its default. */
export interface RoleEndpointOptions {
  /** Default 9478; 0 picks a free port (the handle tells which). */
  readonly port?: number | undefined;
  /** Default `127.0.0.1`, reachable from the machine only; `0.0.0.0` (or `::`) for a probe from outside the pod. */
  readonly host?: string | undefined;
  /** Served on `/metrics`; without one, `/metrics` answers 404. */
  readonly registry?: MetricsRegistry | undefined;
  /**
   * The member's KafkaJS consumer: `/healthz` then follows it (a crash it does not restart from, a stop), and
   * the endpoint closes when the consumer disconnects. Without one, `/healthz` answers 200 while the process runs.
   */
  readonly consumer?: WatchedConsumer | undefined;
  /** How often `/events` streams send a comment, so that proxies keep an idle stream open. Default 15000. */
  readonly keepAliveIntervalMs?: number | undefined;
  /** The assignor's clock, which `leaseRemainingMs` is counted on; give the one the assignor was given, if any. */
  readonly clock?: Clock | undefined;
}

export interface RoleEndpointSettings {
  readonly port: number;
  readonly host: string;
  readonly registry: MetricsRegistry | null;
  readonly consumer: WatchedConsumer | null;
  readonly keepAliveIntervalMs: number;
  readonly clock: Clock;
}

/** The port `serveRole` binds to when given none. */
export const DEFAULT_ROLE_ENDPOINT_PORT = 9478;
const FUNCTION_NAME = 'serveRole';
const OPTIONS = ['port', 'host', 'registry', 'consumer', 'keepAliveIntervalMs', 'clock'];
const DEFAULT_KEEP_ALIVE_INTERVAL_MS = 15_000;
const MAX_PORT = 65_535;

/** Checks the options of `serveRole` and fills in the defaults; throws an InvalidArgumentError naming the first bad one. */
export function roleEndpointSettings(options: RoleEndpointOptions): RoleEndpointSettings {
  checkOptionKeys(FUNCTION_NAME, options, OPTIONS);
  const { port = DEFAULT_ROLE_ENDPOINT_PORT, host = '127.0.0.1', registry, consumer, keepAliveIntervalMs = DEFAULT_KEEP_ALIVE_INTERVAL_MS, clock = systemClock } = options;
  if (!Number.isInteger(port) || port < 0 || port > MAX_PORT) refuse('options.port', `must be an integer from 0 to ${MAX_PORT}, not ${String(port)}`);
  if (typeof host !== 'string' || host === '') refuse('options.host', 'must be a non-empty string');
  if (registry !== undefined && !hasFunctions(registry, ['metrics'])) refuse('options.registry', 'must have a metrics function (a prom-client Registry)');
  if (consumer !== undefined && !(hasFunctions(consumer, ['on']) && typeof (consumer as { events?: unknown }).events === 'object')) {
    refuse('options.consumer', 'must be a KafkaJS consumer (with on and events)');
  }
  if (typeof keepAliveIntervalMs !== 'number' || !Number.isFinite(keepAliveIntervalMs) || keepAliveIntervalMs <= 0) {
    refuse('options.keepAliveIntervalMs', `must be a finite number of milliseconds above 0, not ${String(keepAliveIntervalMs)}`);
  }
  if (!hasFunctions(clock, ['now'])) refuse('options.clock', 'must have a now function');
  return { port, host, registry: registry ?? null, consumer: consumer ?? null, keepAliveIntervalMs, clock };
}

function refuse(argument: string, problem: string): never {
  throw new InvalidArgumentError(FUNCTION_NAME, argument, problem);
}

function hasFunctions(value: unknown, names: readonly string[]): boolean {
  return typeof value === 'object' && value !== null && names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');
}
