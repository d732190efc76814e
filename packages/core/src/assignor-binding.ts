import type { Assignor } from './assignor.js';
import { AssignorInUseError } from './assignor-in-use-error.js';

/** The consumer each stateful assignor serves, kept on the assignor object whatever adapter or call took it. */
const consumers = new WeakMap<Assignor, object>();

/** Whether the assignor keeps the state of the one member it serves, and so cannot be shared. */
export function keepsMemberState(assignor: Assignor): boolean {
  return assignor.onAssignment !== undefined || assignor.onHeartbeat !== undefined || assignor.onLeave !== undefined;
}

/**
 * Binds a stateful assignor to `consumer` (any object that stands for one consumer: KafkaJS' cluster of that
 * consumer, say); throws an AssignorInUseError if it is bound to another. Stateless assignors may be shared.
 */
export function bindAssignorToConsumer(assignor: Assignor, consumer: object): void {
  if (!keepsMemberState(assignor)) return;
  const bound = consumers.get(assignor);
  if (bound !== undefined && bound !== consumer) throw new AssignorInUseError(assignor.name);
  consumers.set(assignor, consumer);
}
