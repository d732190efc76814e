import type { Admin } from 'kafkajs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  NotActiveStandbyGroupError,
  describeActiveStandbyGroup,
  encodeMemberUserData,
  encodePartitionsDesignateRecord,
  encodeRoleRecord,
  type DescribedMember,
  type Designation,
} from '@kafka-assignors/assignor-active-standby';
import { encodeAssignment, encodeSubscription } from '@kafka-assignors/core';

interface MemberShape {
  readonly memberId: string;
  readonly clientId: string;
  readonly priority: number;
  readonly name: string | null;
  readonly topics: readonly string[];
  /** What the leader assigned; `undefined` while the group rebalances (empty assignment bytes). */
  readonly designation?: Designation;
  readonly partitions?: readonly number[];
}

/** A member as KafkaJS' `admin.describeGroups` returns it: Buffers of the subscription and of the assignment. */
function describedMember(shape: MemberShape, activeMemberId: string | null, subscriptionVersion = 3): DescribedMember {
  const userData = encodeMemberUserData({
    eligible: true,
    preempt: false,
    priority: shape.priority,
    name: shape.name,
    lastRebalance: { memberId: shape.memberId, generationId: 6 },
    claimsActive: shape.designation === 'active',
    knewActive: true,
    heldTopics: [],
  });
  const subscription = { topics: shape.topics, userData, ownedPartitions: [], generationId: 6, rackId: null };
  const record = shape.designation && encodeRoleRecord({ designation: shape.designation, reason: 'kept', activeMemberId, activeName: 'pod-0' });
  return {
    memberId: shape.memberId,
    clientId: shape.clientId,
    clientHost: `/10.0.0.${shape.priority + 10}`,
    memberMetadata: Buffer.from(encodeSubscription(subscription, subscriptionVersion)),
    memberAssignment:
      record === undefined
        ? Buffer.alloc(0)
        : Buffer.from(encodeAssignment({ partitions: shape.partitions ? [{ topic: shape.topics[0] ?? '', partitions: shape.partitions }] : [], userData: record })),
  };
}

/** An admin whose coordinator describes orders-group as `group`, and lists `listed` among its groups. */
function adminReturning(group: { state: string; protocol: string; members: readonly DescribedMember[] }, listed: readonly string[] = ['orders-group']) {
  const calls: string[][] = [];
  const admin = {
    calls,
    describeGroups(groupIds: string[]) {
      calls.push(groupIds);
      return Promise.resolve({ groups: [{ groupId: 'orders-group', protocolType: 'consumer', errorCode: 0, ...group }] });
    },
    listGroups: () => Promise.resolve({ groups: listed.map((groupId) => ({ groupId, protocolType: 'consumer' })) }),
  };
  return admin;
}

const pod0: MemberShape = { memberId: 'pod-0-1f2e', clientId: 'pod-0', priority: 2, name: 'pod-0', topics: ['orders'], designation: 'active', partitions: [0, 1, 2] };
const pod1: MemberShape = { memberId: 'pod-1-9c0d', clientId: 'pod-1', priority: 1, name: null, topics: ['orders'], designation: 'standby' };
const pod2: MemberShape = { memberId: 'pod-2-44ab', clientId: 'pod-2', priority: 0, name: 'pod-2', topics: ['audit'], designation: 'covering', partitions: [0] };

describe('describeActiveStandbyGroup', () => {
  it('finds the active, the covering members and the standbys of a stable group, with what their bytes say', async () => {
    const unreadable: DescribedMember = {
      memberId: 'legacy-7',
      clientId: 'legacy',
      clientHost: '/10.0.0.99',
      memberMetadata: Buffer.from([0, 9, 1]),
      memberAssignment: Buffer.from(encodeAssignment({ partitions: [], userData: Uint8Array.of(1, 2, 3) })),
      groupInstanceId: 'legacy-pod',
    };
    const admin = adminReturning({
      state: 'Stable',
      protocol: 'active-standby',
      members: [describedMember(pod1, pod0.memberId, 0), unreadable, describedMember(pod2, pod0.memberId), describedMember(pod0, pod0.memberId)],
    });
    const view = await describeActiveStandbyGroup(admin, 'orders-group');
    expect(admin.calls).toEqual([['orders-group']]);
    expect(view).toEqual({
      groupId: 'orders-group',
      state: 'Stable',
      active: {
        memberId: 'pod-0-1f2e',
        clientId: 'pod-0',
        clientHost: '/10.0.0.12',
        groupInstanceId: null,
        name: 'pod-0',
        priority: 2,
        eligible: true,
        designation: 'active',
        partitions: [{ topic: 'orders', partitions: [0, 1, 2] }],
      },
      covering: [expect.objectContaining({ memberId: 'pod-2-44ab', designation: 'covering', partitions: [{ topic: 'audit', partitions: [0] }] })],
      standbys: [
        {
          memberId: 'legacy-7',
          clientId: 'legacy',
          clientHost: '/10.0.0.99',
          groupInstanceId: 'legacy-pod',
          name: null,
          priority: null,
          eligible: null,
          designation: null,
          partitions: [],
        },
        expect.objectContaining({ memberId: 'pod-1-9c0d', name: null, priority: 1, designation: 'standby', partitions: [] }),
      ],
    });
  });

  it('reads the designation from the partitions when the leader wrote one record for every member', async () => {
    const withCommonRecord = (shape: MemberShape): DescribedMember => ({
      ...describedMember(shape, null),
      memberAssignment: Buffer.from(
        encodeAssignment({ partitions: shape.partitions ? [{ topic: 'orders', partitions: shape.partitions }] : [], userData: encodePartitionsDesignateRecord() }),
      ),
    });
    const admin = adminReturning({ state: 'Stable', protocol: 'active-standby', members: [withCommonRecord(pod1), withCommonRecord(pod0)] });
    const view = await describeActiveStandbyGroup(admin, 'orders-group');
    expect(view.active).toMatchObject({ memberId: 'pod-0-1f2e', designation: 'active' });
    expect(view.standbys.map(({ memberId, designation }) => [memberId, designation])).toEqual([['pod-1-9c0d', 'standby']]);
  });

  it('reports no active while the group rebalances, when members have no assignment yet', async () => {
    const rebalancing = [pod0, pod1].map(({ designation: _, partitions: __, ...shape }) => describedMember(shape, null));
    const view = await describeActiveStandbyGroup(adminReturning({ state: 'PreparingRebalance', protocol: 'active-standby', members: rebalancing }), 'orders-group');
    expect(view.state).toBe('PreparingRebalance');
    expect(view.active).toBeNull();
    expect(view.standbys.map(({ memberId, name, designation }) => [memberId, name, designation])).toEqual([
      ['pod-0-1f2e', 'pod-0', null],
      ['pod-1-9c0d', null, null],
    ]);
  });

  it('describes an empty group as one without members', async () => {
    expect(await describeActiveStandbyGroup(adminReturning({ state: 'Empty', protocol: '', members: [] }), 'orders-group')).toEqual({
      groupId: 'orders-group',
      state: 'Empty',
      active: null,
      covering: [],
      standbys: [],
    });
  });

  it('refuses a group of another protocol, and an answer without the group', async () => {
    await expect(describeActiveStandbyGroup(adminReturning({ state: 'Stable', protocol: 'roundrobin', members: [] }), 'orders-group')).rejects.toThrow(
      'group orders-group runs the roundrobin protocol, not active-standby',
    );
    const silent = { describeGroups: () => Promise.resolve({ groups: [] }), listGroups: () => Promise.resolve({ groups: [] }) };
    await expect(describeActiveStandbyGroup(silent, 'orders-group')).rejects.toThrow('describeGroups returned no description of group orders-group');
  });

  it('says a group DescribeGroups reports Dead but the coordinator lists is a consumer-protocol (KIP-848) group', async () => {
    const consumerGroup = adminReturning({ state: 'Dead', protocol: '', members: [] });
    const refusal = describeActiveStandbyGroup(consumerGroup, 'orders-group');
    await expect(refusal).rejects.toBeInstanceOf(NotActiveStandbyGroupError);
    await expect(refusal).rejects.toMatchObject({ groupId: 'orders-group', group: { type: 'consumer' } });
    await expect(refusal).rejects.toThrow(/orders-group is a consumer-protocol group \(KIP-848\).*no active-standby roles/);
  });

  it('describes a group that does not exist as Dead, without members', async () => {
    expect(await describeActiveStandbyGroup(adminReturning({ state: 'Dead', protocol: '', members: [] }, ['other-group']), 'orders-group')).toMatchObject({
      state: 'Dead',
      active: null,
      standbys: [],
    });
  });

  it('takes a KafkaJS admin client as it is', () => {
    expectTypeOf<Admin>().toExtend<Parameters<typeof describeActiveStandbyGroup>[0]>();
  });
});
