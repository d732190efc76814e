import type { AssignmentMetadata, Assignor, Group, MemberAssignment, MemberContext } from '@kafka-assignors/core';

/** An assignor that passes everything to `inner` and keeps what it was given, for tests to inspect. */
export interface RecordingAssignor extends Assignor {
  /** The contexts the member built its user data from, one per subscription. */
  readonly contexts: MemberContext[];
  /** The groups it assigned as leader. */
  readonly groups: Group[];
  readonly received: { assignment: MemberAssignment; metadata: AssignmentMetadata }[];
}

export function recordingAssignor(inner: Assignor): RecordingAssignor {
  const contexts: MemberContext[] = [];
  const groups: Group[] = [];
  const received: RecordingAssignor['received'] = [];
  return {
    name: inner.name,
    rebalanceProtocols: inner.rebalanceProtocols,
    contexts,
    groups,
    received,
    subscriptionUserData: (member) => {
      contexts.push(member);
      return inner.subscriptionUserData?.(member) ?? null;
    },
    assign: (group) => {
      groups.push(group);
      return inner.assign(group);
    },
    onAssignment: (assignment, metadata) => {
      received.push({ assignment, metadata });
      inner.onAssignment?.(assignment, metadata);
    },
  };
}
