import type { Assignor } from '@kafka-assignors/core';

/** The assignor, with the wall-clock time of each `assign()` call reported to `record`. */
export function timedAssignor(assignor: Assignor, now: () => number, record: (milliseconds: number) => void): Assignor {
  return {
    name: assignor.name,
    rebalanceProtocols: assignor.rebalanceProtocols,
    subscriptionUserData: (member) => assignor.subscriptionUserData?.(member) ?? null,
    assign: (group) => {
      const start = now();
      const assignment = assignor.assign(group);
      record(now() - start);
      return assignment;
    },
    onAssignment: (assignment, metadata) => assignor.onAssignment?.(assignment, metadata),
    onHeartbeat: (heartbeat) => assignor.onHeartbeat?.(heartbeat),
    onLeave: () => assignor.onLeave?.(),
  };
}
