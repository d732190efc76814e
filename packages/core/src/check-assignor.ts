import type { Assignor } from './assignor.js';
import { describeValue } from './describe-value.js';
import { InvalidArgumentError } from './invalid-argument-error.js';

const REBALANCE_PROTOCOLS: readonly unknown[] = ['eager', 'cooperative'];
const MEMBER_HOOKS = ['subscriptionUserData', 'onAssignment', 'onHeartbeat', 'onLeave', 'useLogger'];

/**
 * Refuses what is not an Assignor, as the adapter `functionName` may be given it from plain JavaScript: nothing,
 * the factory instead of what it returns, an object without the members the adapter calls.
 */
export function checkAssignor(assignor: unknown, functionName: string): asserts assignor is Assignor {
  if (typeof assignor === 'function') {
    const call = assignor.name === '' ? 'the assignor it returns' : `${assignor.name}(), not ${assignor.name}`;
    throw new InvalidArgumentError(functionName, 'assignor', `is ${describeValue(assignor)}, not an Assignor: pass ${call}`);
  }
  if (typeof assignor !== 'object' || assignor === null) {
    throw new InvalidArgumentError(functionName, 'assignor', `must be an Assignor (such as rangeAssignor()), not ${describeValue(assignor)}`);
  }
  const fields = assignor as Record<string, unknown>;
  if (typeof fields.name !== 'string' && typeof fields.assign !== 'function') {
    throw new InvalidArgumentError(functionName, 'assignor', 'is not an Assignor: it needs a string name and an assign function');
  }
  if (typeof fields.name !== 'string' || fields.name === '') {
    throw new InvalidArgumentError(functionName, 'assignor.name', `must be a non-empty string (the protocol name), not ${describeValue(fields.name)}`);
  }
  if (typeof fields.assign !== 'function') {
    throw new InvalidArgumentError(functionName, 'assignor.assign', `must be a function, not ${describeValue(fields.assign)}`);
  }
  const { rebalanceProtocols } = fields;
  if (!Array.isArray(rebalanceProtocols) || rebalanceProtocols.length === 0 || !rebalanceProtocols.every((protocol) => REBALANCE_PROTOCOLS.includes(protocol))) {
    throw new InvalidArgumentError(functionName, 'assignor.rebalanceProtocols', `must list "eager", "cooperative" or both, not ${describeValue(rebalanceProtocols)}`);
  }
  const { commonAssignmentUserData } = fields;
  if (commonAssignmentUserData !== undefined && !(commonAssignmentUserData instanceof Uint8Array)) {
    throw new InvalidArgumentError(functionName, 'assignor.commonAssignmentUserData', `must be a Uint8Array or absent, not ${describeValue(commonAssignmentUserData)}`);
  }
  for (const hook of MEMBER_HOOKS) {
    const value = fields[hook];
    if (value !== undefined && typeof value !== 'function') {
      throw new InvalidArgumentError(functionName, `assignor.${hook}`, `must be a function or absent, not ${describeValue(value)}`);
    }
  }
}
