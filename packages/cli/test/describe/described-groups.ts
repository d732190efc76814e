import { encodeMemberUserData, encodeRoleRecord } from '@kafka-assignors/assignor-active-standby';
import { encodeAssignment, encodeSubscription, type MemberAssignment, type Subscription } from '@kafka-assignors/core';
import type { DescribedGroupBytes, DescribedMemberBytes } from '../../src/describe/describe-groups-request.js';

/**
 * A member as the coordinator would describe it, from its subscription (the defaults fill in what is not given)
 * and assignment, or from bytes as they are. Its client id is its member id without the last `-` part.
 */
export function describedMember(
  memberId: string,
  subscription: Partial<Subscription> | Buffer,
  assignment: MemberAssignment | Buffer,
  more: Partial<DescribedMemberBytes> = {},
): DescribedMemberBytes {
  const metadata = Buffer.isBuffer(subscription)
    ? subscription
    : Buffer.from(encodeSubscription({ topics: ['orders'], userData: null, ownedPartitions: [], generationId: -1, rackId: null, ...subscription }));
  return {
    memberId,
    groupInstanceId: null,
    clientId: memberId.replace(/-\d+$/, ''),
    clientHost: '/10.0.0.1',
    memberMetadata: metadata,
    memberAssignment: Buffer.isBuffer(assignment) ? assignment : Buffer.from(encodeAssignment(assignment)),
    ...more,
  };
}

export function describedGroup(protocol: string, members: readonly DescribedMemberBytes[], more: Partial<DescribedGroupBytes> = {}): DescribedGroupBytes {
  return { groupId: 'orders-service', state: 'Stable', protocolType: 'consumer', protocol, members, ...more };
}

/** Two pods under active-standby: `pod-a-1` active (it claimed the role in generation 6), `pod-b-2` standby. */
export function activeStandbyGroup(): DescribedGroupBytes {
  const record = (designation: 'active' | 'standby') =>
    encodeRoleRecord({ designation, reason: 'kept', activeMemberId: 'pod-a-1', activeName: 'pod-a' });
  return describedGroup('active-standby', [
    describedMember(
      'pod-b-2',
      {
        userData: encodeMemberUserData({ eligible: true, preempt: false, priority: 10, name: null, lastRebalance: { memberId: 'pod-b-2', generationId: 6 }, claimsActive: false, knewActive: true, heldTopics: [] }),
        generationId: 6,
      },
      { partitions: [], userData: record('standby') },
      { groupInstanceId: 'pod-b' },
    ),
    describedMember(
      'pod-a-1',
      {
        userData: encodeMemberUserData({ eligible: true, preempt: false, priority: 20, name: 'pod-a', lastRebalance: { memberId: 'pod-a-1', generationId: 6 }, claimsActive: true, knewActive: true, heldTopics: ['orders'] }),
        generationId: 6,
      },
      { partitions: [{ topic: 'orders', partitions: [0, 1] }], userData: record('active') },
    ),
  ]);
}
