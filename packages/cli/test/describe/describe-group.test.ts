import { describe, expect, it } from 'vitest';
import { encodeCooperativeStickyUserData, encodeStickyUserData } from '@kafka-assignors/assignor-sticky';
import { encodeSubscription } from '@kafka-assignors/core';
import { describeGroup } from '../../src/describe/describe-group.js';
import { activeStandbyGroup, describedGroup, describedMember } from './described-groups.js';

/** A subscription whose first topic name claims 300 bytes where 2 are left. */
const UNREADABLE_SUBSCRIPTION = Buffer.from('000000000001012c6f72', 'hex');

describe('describeGroup', () => {
  it('decodes every member, in member id order: identity, subscription (topics, owned partitions, generation, rack) and assignment', async () => {
    const kafkajs = describedMember('node-b-2', Buffer.from(encodeSubscription({ topics: ['orders'], userData: null, ownedPartitions: [], generationId: -1, rackId: null }, 0)), {
      partitions: [{ topic: 'orders', partitions: [2] }],
      userData: null,
    });
    const java = describedMember(
      'java-1',
      { topics: ['payments', 'orders'], ownedPartitions: [{ topic: 'orders', partitions: [0, 1] }], generationId: 4, rackId: 'eu-west-1a' },
      { partitions: [{ topic: 'orders', partitions: [1, 0] }, { topic: 'payments', partitions: [0] }], userData: null },
      { groupInstanceId: 'java-static' },
    );

    const group = await describeGroup(describedGroup('range', [kafkajs, java]));

    expect(group).toEqual({
      groupId: 'orders-service',
      state: 'Stable',
      protocolType: 'consumer',
      protocol: 'range',
      members: [
        {
          memberId: 'java-1',
          groupInstanceId: 'java-static',
          clientId: 'java',
          clientHost: '/10.0.0.1',
          subscription: {
            version: 3,
            topics: ['orders', 'payments'],
            ownedPartitions: [{ topic: 'orders', partitions: [0, 1] }],
            generationId: 4,
            rackId: 'eu-west-1a',
            userData: null,
          },
          assignment: { version: 3, partitions: [{ topic: 'orders', partitions: [1, 0] }, { topic: 'payments', partitions: [0] }], userData: null },
        },
        {
          memberId: 'node-b-2',
          groupInstanceId: null,
          clientId: 'node-b',
          clientHost: '/10.0.0.1',
          subscription: { version: 0, topics: ['orders'], ownedPartitions: [], generationId: -1, rackId: null, userData: null },
          assignment: { version: 3, partitions: [{ topic: 'orders', partitions: [2] }], userData: null },
        },
      ],
    });
  });

  it('shows a subscription or assignment that cannot be read with the field and byte where reading failed, and its bytes; the other members are decoded', async () => {
    const broken = describedMember('broken-1', UNREADABLE_SUBSCRIPTION, Buffer.from('00', 'hex'));
    const sound = describedMember('sound-2', {}, { partitions: [{ topic: 'orders', partitions: [0] }], userData: null });

    const { members } = await describeGroup(describedGroup('range', [broken, sound]));

    expect(members[0]?.subscription).toEqual({
      length: 10,
      hex: '000000000001012c6f72',
      error: {
        field: 'Subscription.Topics[0]',
        offset: 6,
        reason: 'length-exceeds-buffer',
        message: 'Subscription.Topics[0]: string length 300 at byte 6 exceeds the 2 bytes left',
      },
    });
    expect(members[0]?.assignment).toMatchObject({ length: 1, hex: '00', error: { field: 'Assignment.Version', offset: 0, reason: 'truncated' } });
    expect(members[1]?.assignment).toMatchObject({ partitions: [{ topic: 'orders', partitions: [0] }] });
  });

  it('shows user data of a protocol it does not know as bytes', async () => {
    const member = describedMember('a-1', { userData: Uint8Array.of(1, 2, 0xfe) }, { partitions: [], userData: Uint8Array.of(7) });

    const { members } = await describeGroup(describedGroup('homegrown', [member]));

    expect(members[0]?.subscription).toMatchObject({ userData: { length: 3, hex: '0102fe' } });
    expect(members[0]?.assignment).toMatchObject({ userData: { length: 1, hex: '07' } });
  });

  it.each([
    ['sticky', encodeStickyUserData([{ topic: 'orders', partitions: [1, 0] }], 5), { format: 'sticky', partitions: [{ topic: 'orders', partitions: [0, 1] }], generation: 5 }],
    ['sticky', encodeStickyUserData([], 3), { format: 'sticky', partitions: [], generation: 3 }],
    ['sticky', Buffer.from('00000000', 'hex'), { format: 'sticky', partitions: [], generation: null }],
    ['cooperative-sticky', encodeCooperativeStickyUserData(7), { format: 'cooperative-sticky', generation: 7 }],
  ])('decodes %s user data', async (protocol, userData, decoded) => {
    const { members } = await describeGroup(describedGroup(protocol, [describedMember('a-1', { userData }, { partitions: [], userData: null })]));

    expect(members[0]?.subscription).toMatchObject({ userData: { length: userData.byteLength, decoded } });
  });

  it.each([
    ['sticky', '7fffffff', 'not sticky user data (Java leaders read it as no previous assignment)'],
    ['cooperative-sticky', '0001', 'not cooperative-sticky user data: 2 bytes, not 4'],
    ['active-standby', '0000', 'not active-standby user data: version at byte 0 is 0; versions start at 1'],
  ])('shows %s user data that does not follow the format as bytes, saying why', async (protocol, hex, unreadable) => {
    const { members } = await describeGroup(describedGroup(protocol, [describedMember('a-1', { userData: Buffer.from(hex, 'hex') }, { partitions: [], userData: null })]));

    expect(members[0]?.subscription).toMatchObject({ userData: { length: hex.length / 2, hex, unreadable } });
    expect(members[0]?.subscription).not.toHaveProperty('userData.decoded');
  });

  it('says which member of an active-standby group is active, and each member\'s name, priority and eligibility', async () => {
    const group = await describeGroup(activeStandbyGroup());

    expect(group.activeStandby).toEqual({ activeMemberId: 'pod-a-1' });
    expect(group.members.map(({ memberId, activeStandby }) => [memberId, activeStandby])).toEqual([
      ['pod-a-1', { role: 'active', name: 'pod-a', priority: 20, eligible: true }],
      // No configured name: its group instance id stands in.
      ['pod-b-2', { role: 'standby', name: 'pod-b', priority: 10, eligible: true }],
    ]);
    expect(group.members[0]?.subscription).toMatchObject({
      userData: { decoded: { format: 'active-standby-member', version: 1, priority: 20, claimsActive: true, lastRebalance: { memberId: 'pod-a-1', generationId: 6 } } },
    });
    expect(group.members[1]?.assignment).toMatchObject({
      userData: { decoded: { format: 'active-standby-role', version: 1, designation: 'standby', reason: 'kept', activeMemberId: 'pod-a-1', activeName: 'pod-a' } },
    });
  });

  it('still describes an active-standby member whose user data cannot be read: settings unknown, standby', async () => {
    const unreadable = describedMember('pod-c-3', { userData: Uint8Array.of(0xff) }, { partitions: [], userData: null });
    const base = activeStandbyGroup();

    const group = await describeGroup({ ...base, members: [...base.members, unreadable] });

    expect(group.members[2]?.activeStandby).toEqual({ role: 'standby', name: null, priority: null, eligible: null });
    expect(group.activeStandby).toEqual({ activeMemberId: 'pod-a-1' });
  });

  it('reports no subscription or assignment for members of a group that is not Stable: the coordinator sends none', async () => {
    const joining = describedMember('a-1', Buffer.alloc(0), Buffer.alloc(0));

    const group = await describeGroup(describedGroup('', [joining], { state: 'PreparingRebalance' }));

    expect(group.members[0]).toMatchObject({ subscription: null, assignment: null });
  });

  it('shows the bytes of groups whose protocol type is not consumer, without reading them as the consumer protocol', async () => {
    const worker = describedMember('worker-1', Buffer.from('0001', 'hex'), Buffer.from('00020304', 'hex'));

    const group = await describeGroup(describedGroup('sessioned', [worker], { protocolType: 'connect' }));

    expect(group.members[0]).toMatchObject({ subscription: { length: 2, hex: '0001' }, assignment: { length: 4, hex: '00020304' } });
    expect(group.members[0]?.subscription).not.toHaveProperty('error');
  });
});
