import type { AssignorLogger } from '../assignor.js';
import { systemClock, type Clock } from '../clock.js';
import { describeValue } from '../describe-value.js';
import { InvalidArgumentError } from '../invalid-argument-error.js';
import { checkOptionKeys } from '../option-checks.js';

const FUNCTION_NAME = 'platformaticAssigner';
const OPTIONS = ['protocolVersion', 'clock', 'logger'];
const PROTOCOL_VERSIONS: readonly unknown[] = [0, 1, 2, 3];
const LOGGER_METHODS = ['info', 'warn', 'error'] as const;

/** An option given as `undefined` takes its default. */
export interface PlatformaticAssignerOptions {
  /**
   * The consumer-protocol version of the subscriptions this member writes; 3, the default, is what the Java
   * client writes. (The client itself chooses the version of the assignments a leader writes: 3 under
   * `cooperative-sticky`, else 0.)
   */
  readonly protocolVersion?: 0 | 1 | 2 | 3 | undefined;
  /**
   * The clock on which the send times of the consumer's JoinGroup and Heartbeat requests are noted, which
   * leases count from. Default: the machine's monotonic clock, as the assignors use; a test that injects a
   * clock into an assignor gives the same one here.
   */
  readonly clock?: Clock | undefined;
  /**
   * Where the adapter logs what it leaves out (a member whose subscription cannot be read, an assignment that
   * cannot be read); also handed to the assignor (`useLogger`). The client has no logger to lend, so the
   * default is the console.
   */
  readonly logger?: AssignorLogger | undefined;
}

/** The options of `platformaticAssigner`, checked, with their defaults. */
export interface PlatformaticAssignerSettings {
  readonly protocolVersion: 0 | 1 | 2 | 3;
  readonly clock: Clock;
  /** `null` when no logger was given: the adapter logs to the console and leaves the assignor its own default. */
  readonly logger: AssignorLogger | null;
}

/** Checks the options of `platformaticAssigner` and fills in the defaults. */
export function platformaticAssignerSettings(options: unknown): PlatformaticAssignerSettings {
  checkOptionKeys(FUNCTION_NAME, options, OPTIONS);
  const { protocolVersion = 3, clock = systemClock, logger } = options as Record<string, unknown>;
  if (!PROTOCOL_VERSIONS.includes(protocolVersion)) {
    throw new InvalidArgumentError(FUNCTION_NAME, 'options.protocolVersion', `must be 0, 1, 2 or 3, not ${describeValue(protocolVersion)}`);
  }
  if (typeof clock !== 'object' || clock === null || typeof (clock as Partial<Clock>).now !== 'function') {
    throw new InvalidArgumentError(FUNCTION_NAME, 'options.clock', `must be a Clock, with a now() function, not ${describeValue(clock)}`);
  }
  if (logger !== undefined && (typeof logger !== 'object' || logger === null || LOGGER_METHODS.some((method) => typeof (logger as Record<string, unknown>)[method] !== 'function'))) {
    throw new InvalidArgumentError(FUNCTION_NAME, 'options.logger', `must have info, warn and error functions, not ${describeValue(logger)}`);
  }
  return { protocolVersion: protocolVersion as PlatformaticAssignerSettings['protocolVersion'], clock: clock as Clock, logger: (logger as AssignorLogger | undefined) ?? null };
}
