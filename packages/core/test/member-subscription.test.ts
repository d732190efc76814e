import { describe, expect, it } from 'vitest';
import { memberSubscription, type Assignor, type MemberContext } from '@kafka-assignors/core';

const member: MemberContext = {
  memberId: 'm-1',
  generationId: 4,
  assignment: [{ topic: 'orders', partitions: [0, 2] }],
  topics: ['orders'],
};

function assignorWith(rebalanceProtocols: Assignor['rebalanceProtocols']): Assignor {
  return { name: 'test', rebalanceProtocols, assign: () => new Map() };
}

describe('memberSubscription', () => {
  it('reports owned partitions only for members that rebalance cooperatively', () => {
    expect(memberSubscription(assignorWith(['eager']), member).ownedPartitions).toEqual([]);
    expect(memberSubscription(assignorWith(['cooperative', 'eager']), member).ownedPartitions).toEqual(member.assignment);
  });

  it('always carries the generation and rack, and the assignor user data', () => {
    const assignor: Assignor = {
      ...assignorWith(['eager']),
      subscriptionUserData: (m) => Uint8Array.of(m.generationId),
    };
    expect(memberSubscription(assignor, member, 'rack-a')).toEqual({
      topics: ['orders'],
      userData: Uint8Array.of(4),
      ownedPartitions: [],
      generationId: 4,
      rackId: 'rack-a',
    });
    expect(memberSubscription(assignorWith(['eager']), member).userData).toBeNull();
  });
});
