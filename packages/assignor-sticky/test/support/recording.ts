import type { Assignor, Group, GroupAssignment } from '@kafka-assignors/core';

export interface AssignCall {
  readonly group: Group;
  readonly result: GroupAssignment;
}

/** Wraps an assignor so that every `assign` it runs, as leader, is appended to `calls`. */
export function recording(assignor: Assignor, calls: AssignCall[]): Assignor {
  return {
    ...assignor,
    assign(group) {
      const result = assignor.assign(group);
      calls.push({ group, result });
      return result;
    },
  };
}
