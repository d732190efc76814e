import { describe, expect, it } from 'vitest';
import { MalformedGroupError, type Group } from '@kafka-assignors/core';
import { checkGroup } from '@kafka-assignors/core/internal';

/** A well-formed group as plain data, for each case to break in one place. */
function groupData() {
  const subscription = (topics: unknown[]): Record<string, unknown> => ({ topics, userData: null, ownedPartitions: [], generationId: -1, rackId: null });
  return {
    members: [
      { memberId: 'a', groupInstanceId: 'pod-a', subscription: subscription(['orders', 'payments']) },
      { memberId: 'b', groupInstanceId: null, subscription: subscription(['orders']) },
    ] as Record<string, unknown>[],
    topics: new Map<unknown, unknown>([
      ['orders', { partitionCount: 3 }],
      ['payments', { partitionCount: 2, replicaRacks: [['r1'], ['r2']] }],
    ]),
  };
}

type GroupData = ReturnType<typeof groupData>;

function subscriptionOf(group: GroupData, position: number): Record<string, unknown> {
  return group.members[position]?.subscription as Record<string, unknown>;
}

describe('checkGroup', () => {
  it('accepts a well-formed group, a topic without partitions, and a subscription that lists a topic twice', () => {
    const group = groupData();
    group.topics.set('empty', { partitionCount: 0 });
    subscriptionOf(group, 1).topics = ['orders', 'orders'];
    expect(() => checkGroup(group as unknown as Group, 'range')).not.toThrow();
  });

  it.each<[string, (group: GroupData) => void, string, string | null, string]>([
    ['a repeated member id', (g) => (g.members[1]!.memberId = 'a'), 'members[1].memberId', 'a', 'is also the member id of members[0]'],
    ['an empty member id', (g) => (g.members[1]!.memberId = ''), 'members[1].memberId', null, 'must be a non-empty string, not ""'],
    ['a member id that is a number', (g) => (g.members[0]!.memberId = 7), 'members[0].memberId', null, 'must be a non-empty string, not 7'],
    ['a repeated group instance id', (g) => (g.members[1]!.groupInstanceId = 'pod-a'), 'members[1].groupInstanceId', 'b', 'is also the group instance id of members[0]'],
    ['a group instance id left out', (g) => delete g.members[1]!.groupInstanceId, 'members[1].groupInstanceId', 'b', 'must be a string or null, not undefined'],
    ['a member without a subscription', (g) => delete g.members[1]!.subscription, 'members[1].subscription', 'b', 'must be an object (topics, userData, ownedPartitions, generationId, rackId), not undefined'],
    ['topics that are not an array', (g) => (subscriptionOf(g, 0).topics = 'orders'), 'members[0].subscription.topics', 'a', 'must be an array of topic names, not "orders"'],
    ['a topic that is not a string', (g) => (subscriptionOf(g, 0).topics = ['orders', 7]), 'members[0].subscription.topics[1]', 'a', 'must be a topic name (a string), not 7'],
    ['user data as a string', (g) => (subscriptionOf(g, 1).userData = 'AAE='), 'members[1].subscription.userData', 'b', 'must be a Uint8Array or null, not "AAE="'],
    ['owned partitions left out', (g) => delete subscriptionOf(g, 1).ownedPartitions, 'members[1].subscription.ownedPartitions', 'b', 'must be an array (empty when the member reports none), not undefined'],
    ['an owned entry without partitions', (g) => (subscriptionOf(g, 1).ownedPartitions = [{ topic: 'orders' }]), 'members[1].subscription.ownedPartitions[0]', 'b', 'must be { topic: string, partitions: number[] }, not an object'],
    ['a generation that is a string', (g) => (subscriptionOf(g, 0).generationId = '3'), 'members[0].subscription.generationId', 'a', 'must be a 32-bit integer (-1 when unknown), not "3"'],
    ['a rack that is a number', (g) => (subscriptionOf(g, 0).rackId = 1), 'members[0].subscription.rackId', 'a', 'must be a string or null, not 1'],
    ['a member that is not an object', (g) => (g.members[1] = 'b' as unknown as Record<string, unknown>), 'members[1]', null, 'must be a member ({ memberId, groupInstanceId, subscription }), not "b"'],
    ['a partition count that is a string', (g) => g.topics.set('orders', { partitionCount: '2' }), 'topics.get("orders").partitionCount', null, 'must be an integer from 0 to 2147483647, not "2"'],
    ['a negative partition count', (g) => g.topics.set('orders', { partitionCount: -1 }), 'topics.get("orders").partitionCount', null, 'must be an integer from 0 to 2147483647, not -1'],
    ['a fractional partition count', (g) => g.topics.set('orders', { partitionCount: 2.5 }), 'topics.get("orders").partitionCount', null, 'must be an integer from 0 to 2147483647, not 2.5'],
    ['a partition count that is NaN', (g) => g.topics.set('orders', { partitionCount: Number.NaN }), 'topics.get("orders").partitionCount', null, 'must be an integer from 0 to 2147483647, not NaN'],
    ['a partition count past int32', (g) => g.topics.set('orders', { partitionCount: 2 ** 31 }), 'topics.get("orders").partitionCount', null, 'must be an integer from 0 to 2147483647, not 2147483648'],
    ['metadata that is a number', (g) => g.topics.set('orders', 3), 'topics.get("orders")', null, "must be the topic's metadata ({ partitionCount, replicaRacks? }), not 3"],
    ['replica racks that are not an array', (g) => g.topics.set('orders', { partitionCount: 1, replicaRacks: 'r1' }), 'topics.get("orders").replicaRacks', null, 'must be absent or an array (the racks of each partition\'s replicas), not "r1"'],
    ['a topic name that is not a string', (g) => g.topics.set(7, { partitionCount: 1 }), 'topics', null, 'has the key 7, which is not a topic name (a string)'],
  ])('refuses %s, naming the field and the member', (_, breakGroup, field, memberId, problem) => {
    const group = groupData();
    breakGroup(group);
    const check = () => checkGroup(group as unknown as Group, 'range');
    const member = memberId === null ? '' : ` (member "${memberId}")`;
    expect(check).toThrow(TypeError);
    expect(check).toThrow(expect.objectContaining({
      constructor: MalformedGroupError, name: 'MalformedGroupError', assignorName: 'range', field, memberId, problem,
      message: `the range assignor was given a malformed group: ${field}${member} ${problem}`,
    }));
  });

  it.each<[string, unknown, string, string]>([
    ['no group', undefined, 'group', 'must be an object with members and topics, not undefined'],
    ['topics as a plain object', { members: [], topics: { orders: { partitionCount: 1 } } }, 'topics', "must be a Map from topic name to the topic's metadata, not an object"],
    ['topics as an array of entries, where a topic could be listed twice', { members: [], topics: [['orders', { partitionCount: 1 }]] }, 'topics', "must be a Map from topic name to the topic's metadata, not an array"],
    ['members that are not an array', { members: new Set(), topics: new Map() }, 'members', 'must be an array, not an object'],
  ])('refuses %s', (_, group, field, problem) => {
    expect(() => checkGroup(group as Group, 'range')).toThrow(expect.objectContaining({ constructor: MalformedGroupError, field, memberId: null, problem }));
  });

  it('looks into no partition: owned partitions and replica racks are left to the assignors', () => {
    const group = groupData();
    subscriptionOf(group, 0).ownedPartitions = [{ topic: 'orders', partitions: ['x', -4, 1.5] }];
    group.topics.set('orders', { partitionCount: 3, replicaRacks: [7] });
    expect(() => checkGroup(group as unknown as Group, 'range')).not.toThrow();
  });
});
