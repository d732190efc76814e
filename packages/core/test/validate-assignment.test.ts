import { describe, expect, it } from 'vitest';
import type { Group, GroupAssignment, GroupMember, MemberAssignment, TopicPartitions } from '@kafka-assignors/core';
import { validateAssignment } from '../src/validate-assignment.js';

function member(memberId: string, topics: readonly string[]): GroupMember {
  return {
    memberId,
    groupInstanceId: null,
    subscription: { topics, userData: null, ownedPartitions: [], generationId: -1, rackId: null },
  };
}

function given(...partitions: TopicPartitions[]): MemberAssignment {
  return { partitions, userData: null };
}

const group: Group = {
  members: [member('a', ['orders', 'payments']), member('b', ['orders'])],
  topics: new Map([
    ['orders', { partitionCount: 3 }],
    ['payments', { partitionCount: 2 }],
    ['audit', { partitionCount: 1 }],
  ]),
};

const validAssignment: GroupAssignment = new Map([
  ['a', given({ topic: 'orders', partitions: [0, 1] }, { topic: 'payments', partitions: [0, 1] })],
  ['b', given({ topic: 'orders', partitions: [2] })],
]);

describe('validateAssignment', () => {
  it('finds nothing wrong with a complete assignment', () => {
    expect(validateAssignment(group, validAssignment)).toEqual([]);
    expect(validateAssignment(group, validAssignment, { requireAllPartitions: true })).toEqual([]);
  });

  it('reports a partition given to two members, naming both', () => {
    const assignment = new Map([
      ['a', given({ topic: 'orders', partitions: [0, 1, 2] }, { topic: 'payments', partitions: [0, 1] })],
      ['b', given({ topic: 'orders', partitions: [2] })],
    ]);
    expect(validateAssignment(group, assignment)).toEqual([
      {
        kind: 'partition-assigned-twice',
        memberIds: ['a', 'b'],
        topic: 'orders',
        partition: 2,
        message: 'orders-2 is assigned to both a and b',
      },
    ]);
  });

  it('reports a partition listed twice for the same member', () => {
    const assignment = new Map([
      ['a', given({ topic: 'payments', partitions: [0, 1] }, { topic: 'payments', partitions: [1] })],
      ['b', given()],
    ]);
    expect(validateAssignment(group, assignment)).toEqual([
      expect.objectContaining({ kind: 'partition-assigned-twice', memberIds: ['a', 'a'], topic: 'payments', partition: 1 }),
    ]);
  });

  it('reports each partition of a topic the member does not subscribe to', () => {
    const assignment = new Map([
      ['a', given()],
      ['b', given({ topic: 'payments', partitions: [0, 1] })],
    ]);
    expect(validateAssignment(group, assignment)).toEqual([
      {
        kind: 'unsubscribed-topic-assigned',
        memberId: 'b',
        topic: 'payments',
        partition: 0,
        message: 'b is assigned payments-0, but does not subscribe to payments',
      },
      expect.objectContaining({ kind: 'unsubscribed-topic-assigned', memberId: 'b', topic: 'payments', partition: 1 }),
    ]);
  });

  it('reports partitions of topics absent from the metadata', () => {
    const subscribedToDeleted: Group = { ...group, members: [member('a', ['orders', 'gone'])] };
    const assignment = new Map([['a', given({ topic: 'gone', partitions: [4] })]]);
    expect(validateAssignment(subscribedToDeleted, assignment)).toEqual([
      {
        kind: 'unknown-topic-assigned',
        memberId: 'a',
        topic: 'gone',
        partition: 4,
        message: 'a is assigned gone-4, but topic gone does not exist',
      },
    ]);
  });

  it('reports negative, fractional, too large and non-numeric partition indices', () => {
    const assignment = new Map([
      ['a', given({ topic: 'orders', partitions: [-1, 0.5, 3, Number.NaN] })],
      ['b', given()],
    ]);
    const violations = validateAssignment(group, assignment);
    expect(violations.map((v) => v.kind)).toEqual(Array<string>(4).fill('partition-out-of-range'));
    expect(violations.map((v) => (v.kind === 'partition-out-of-range' ? v.partition : undefined))).toEqual([-1, 0.5, 3, Number.NaN]);
    expect(violations[2]).toEqual({
      kind: 'partition-out-of-range',
      memberId: 'a',
      topic: 'orders',
      partition: 3,
      partitionCount: 3,
      message: 'a is assigned orders-3, but orders has partitions 0 to 2',
    });
  });

  it('reports members without an entry and entries for strangers', () => {
    const assignment = new Map([
      ['a', given({ topic: 'orders', partitions: [0, 1, 2] })],
      ['stranger', given({ topic: 'orders', partitions: [0] })],
    ]);
    expect(validateAssignment(group, assignment)).toEqual([
      {
        kind: 'unknown-member',
        memberId: 'stranger',
        message: 'the result has an entry for stranger, which is not a member of the group',
      },
      { kind: 'member-missing', memberId: 'b', message: 'member b has no entry in the result' },
    ]);
  });

  it('reports unassigned partitions of subscribed topics only when asked, ignoring unsubscribed and deleted topics', () => {
    const withDeleted: Group = { ...group, members: [...group.members, member('c', ['gone'])] };
    const assignment = new Map([
      ['a', given({ topic: 'orders', partitions: [0] })],
      ['b', given({ topic: 'orders', partitions: [2] })],
      ['c', given()],
    ]);
    expect(validateAssignment(withDeleted, assignment)).toEqual([]);
    expect(validateAssignment(withDeleted, assignment, { requireAllPartitions: true })).toEqual([
      { kind: 'partition-unassigned', topic: 'orders', partition: 1, message: 'orders-1 is assigned to nobody' },
      expect.objectContaining({ kind: 'partition-unassigned', topic: 'payments', partition: 0 }),
      expect.objectContaining({ kind: 'partition-unassigned', topic: 'payments', partition: 1 }),
    ]);
  });

  it('counts a partition given to an unsubscribed member as taken, and still catches its second owner', () => {
    const assignment = new Map([
      ['a', given({ topic: 'orders', partitions: [0, 1, 2] }, { topic: 'payments', partitions: [0, 1] })],
      ['b', given({ topic: 'payments', partitions: [1] })],
    ]);
    expect(validateAssignment(group, assignment, { requireAllPartitions: true }).map((v) => v.kind)).toEqual([
      'unsubscribed-topic-assigned',
      'partition-assigned-twice',
    ]);
  });

  it('validates a million partitions over 2,000 members quickly', () => {
    const topicCount = 500;
    const partitionsPerTopic = 2_000;
    const memberCount = 2_000;
    const topics = Array.from({ length: topicCount }, (_, t) => `topic-${t}`);
    const members = Array.from({ length: memberCount }, (_, m) => member(`member-${m}`, topics));
    const partitionsOf = Array.from({ length: memberCount }, () => new Map<string, number[]>());
    for (let t = 0; t < topicCount; t++) {
      for (let p = 0; p < partitionsPerTopic; p++) {
        const owner = partitionsOf[(t * partitionsPerTopic + p) % memberCount];
        const topic = topics[t] ?? '';
        const list = owner?.get(topic) ?? [];
        if (list.length === 0) owner?.set(topic, list);
        list.push(p);
      }
    }
    const large: Group = { members, topics: new Map(topics.map((topic) => [topic, { partitionCount: partitionsPerTopic }])) };
    const assignment = new Map(
      members.map((m, index) => [
        m.memberId,
        given(...[...(partitionsOf[index] ?? [])].map(([topic, partitions]) => ({ topic, partitions }))),
      ]),
    );

    const started = performance.now();
    const violations = validateAssignment(large, assignment, { requireAllPartitions: true });
    const elapsed = performance.now() - started;

    expect(violations).toEqual([]);
    expect(elapsed).toBeLessThan(2_000);
  });
});
