import { systemClock, type Clock } from '../clock.js';
import { describeValue } from '../describe-value.js';
import { InvalidArgumentError } from '../invalid-argument-error.js';
import { checkOptionKeys } from '../option-checks.js';

const FUNCTION_NAME = 'kafkajsAssigner';
const OPTIONS = ['rackId', 'protocolVersion', 'clock'];
const PROTOCOL_VERSIONS: readonly unknown[] = [0, 1, 2, 3];

/** The options of `kafkajsAssigner`, checked, with their defaults. */
export interface AssignerSettings {
  readonly rackId: string | null;
  readonly protocolVersion: 0 | 1 | 2 | 3;
  readonly clock: Clock;
}

/** Checks the options of `kafkajsAssigner` and fills in the defaults. */
export function assignerSettings(options: unknown): AssignerSettings {
  checkOptionKeys(FUNCTION_NAME, options, OPTIONS);
  const { rackId, protocolVersion = 3, clock = systemClock } = options as Record<string, unknown>;
  if (!PROTOCOL_VERSIONS.includes(protocolVersion)) {
    throw new InvalidArgumentError(FUNCTION_NAME, 'options.protocolVersion', `must be 0, 1, 2 or 3, not ${describeValue(protocolVersion)}`);
  }
  const version = protocolVersion as AssignerSettings['protocolVersion'];
  if (rackId !== undefined && typeof rackId !== 'string') {
    throw new InvalidArgumentError(FUNCTION_NAME, 'options.rackId', `must be a string, not ${describeValue(rackId)}`);
  }
  if (rackId !== undefined && version < 3) {
    throw new InvalidArgumentError(FUNCTION_NAME, 'options.rackId', `travels in consumer-protocol version 3 only, not ${version}`);
  }
  if (typeof clock !== 'object' || clock === null || typeof (clock as Partial<Clock>).now !== 'function') {
    throw new InvalidArgumentError(FUNCTION_NAME, 'options.clock', `must be a Clock, with a now() function, not ${describeValue(clock)}`);
  }
  return { rackId: rackId ?? null, protocolVersion: version, clock: clock as Clock };
}
