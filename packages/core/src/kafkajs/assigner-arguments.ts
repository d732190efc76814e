import type { Assignor } from '../assignor.js';
import { systemClock, type Clock } from '../clock.js';
import { describeValue } from '../describe-value.js';
import { InvalidArgumentError } from '../invalid-argument-error.js';
import { checkOptionKeys } from '../option-checks.js';

const FUNCTION_NAME = 'kafkajsAssigner';
const OPTIONS = ['rackId', 'protocolVersion', 'clock'];
const PROTOCOL_VERSIONS: readonly unknown[] = [0, 1, 2, 3];
const REBALANCE_PROTOCOLS: readonly unknown[] = ['eager', 'cooperative'];
const MEMBER_HOOKS = ['subscriptionUserData', 'onAssignment', 'onHeartbeat', 'onLeave', 'useLogger'];

/** The options of `kafkajsAssigner`, checked, with their defaults. */
export interface AssignerSettings {
  readonly rackId: string | null;
  readonly protocolVersion: 0 | 1 | 2 | 3;
  readonly clock: Clock;
}

/**
 * Refuses what is not an Assignor, as plain JavaScript can pass it: nothing, the factory instead of what it
 * returns, an object without the members the adapter calls.
 */
export function checkAssignor(assignor: unknown): asserts assignor is Assignor {
  if (typeof assignor === 'function') {
    const call = assignor.name === '' ? 'the assignor it returns' : `${assignor.name}(), not ${assignor.name}`;
    throw new InvalidArgumentError(FUNCTION_NAME, 'assignor', `is ${describeValue(assignor)}, not an Assignor: pass ${call}`);
  }
  if (typeof assignor !== 'object' || assignor === null) {
    throw new InvalidArgumentError(FUNCTION_NAME, 'assignor', `must be an Assignor (such as rangeAssignor()), not ${describeValue(assignor)}`);
  }
  const fields = assignor as Record<string, unknown>;
  if (typeof fields.name !== 'string' && typeof fields.assign !== 'function') {
    throw new InvalidArgumentError(FUNCTION_NAME, 'assignor', 'is not an Assignor: it needs a string name and an assign function');
  }
  if (typeof fields.name !== 'string' || fields.name === '') {
    throw new InvalidArgumentError(FUNCTION_NAME, 'assignor.name', `must be a non-empty string (the protocol name), not ${describeValue(fields.name)}`);
  }
  if (typeof fields.assign !== 'function') {
    throw new InvalidArgumentError(FUNCTION_NAME, 'assignor.assign', `must be a function, not ${describeValue(fields.assign)}`);
  }
  const { rebalanceProtocols } = fields;
  if (!Array.isArray(rebalanceProtocols) || rebalanceProtocols.length === 0 || !rebalanceProtocols.every((protocol) => REBALANCE_PROTOCOLS.includes(protocol))) {
    throw new InvalidArgumentError(FUNCTION_NAME, 'assignor.rebalanceProtocols', `must list "eager", "cooperative" or both, not ${describeValue(rebalanceProtocols)}`);
  }
  for (const hook of MEMBER_HOOKS) {
    const value = fields[hook];
    if (value !== undefined && typeof value !== 'function') {
      throw new InvalidArgumentError(FUNCTION_NAME, `assignor.${hook}`, `must be a function or absent, not ${describeValue(value)}`);
    }
  }
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
