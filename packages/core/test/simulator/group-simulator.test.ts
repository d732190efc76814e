import { describe, expect, it } from 'vitest';
import { InvalidAssignmentError, type Assignor, type GroupAssignment } from '@kafka-assignors/core';
import { ConsumerProtocolError } from '../../src/codec/index.js';
import { GroupSimulator } from '../../src/simulator/group-simulator.js';
import type { RebalanceRound } from '../../src/simulator/rebalance-round.js';
import { cooperativeRoundRobinAssignor } from '../support/cooperative-round-robin-assignor.js';
import { perTopicRoundRobinAssignor } from '../support/per-topic-round-robin-assignor.js';
import { recordingAssignor, type RecordingAssignor } from '../support/recording-assignor.js';

/** Partitions per member name, for compact expectations. */
function shares(round: RebalanceRound | undefined): Record<string, Record<string, readonly number[]>> {
  return Object.fromEntries(
    (round?.members ?? []).map((member) => [member.name, Object.fromEntries(member.partitions.map(({ topic, partitions }) => [topic, partitions]))]),
  );
}

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

describe('GroupSimulator', () => {
  it('runs a round through the codec and the leader’s assignor, and tells every member its share', () => {
    const assignors = new Map<string, RecordingAssignor>();
    const simulator = new GroupSimulator({
      createAssignor: (name) => {
        const assignor = recordingAssignor(perTopicRoundRobinAssignor());
        assignors.set(name, assignor);
        return assignor;
      },
      topics: [
        ['orders', { partitionCount: 4 }],
        ['payments', { partitionCount: 2 }],
      ],
    });
    expect(simulator.join('a', { topics: ['orders', 'payments'], rackId: 'rack-a' })).toBe('a-1');
    expect(simulator.join('b', { topics: ['orders'], groupInstanceId: 'pod-b' })).toBe('b-2');

    const round = simulator.rebalance();

    expect(round).toEqual({
      generationId: 1,
      leader: 'a-1',
      members: [
        { name: 'a', memberId: 'a-1', partitions: [{ topic: 'orders', partitions: [0, 2] }, { topic: 'payments', partitions: [0, 1] }], requestsRejoin: false },
        { name: 'b', memberId: 'b-2', partitions: [{ topic: 'orders', partitions: [1, 3] }], requestsRejoin: false },
      ],
      movement: { assigned: 6, revoked: 0, moved: 0 },
      idleMembers: [],
      decodeFailures: [],
      violations: [],
    });
    const leaderView = only(assignors.get('a')?.groups ?? []);
    expect(leaderView.members.map((member) => [member.memberId, member.groupInstanceId, member.subscription.rackId])).toEqual([
      ['a-1', null, 'rack-a'],
      ['b-2', 'pod-b', null],
    ]);
    expect(assignors.get('b')?.groups).toEqual([]);
    expect(only(assignors.get('b')?.received ?? [])).toEqual({
      assignment: { partitions: [{ topic: 'orders', partitions: [1, 3] }], userData: null },
      metadata: { memberId: 'b-2', generationId: 1 },
    });
    expect(simulator.context('b')).toEqual({ memberId: 'b-2', generationId: 1, assignment: [{ topic: 'orders', partitions: [1, 3] }], topics: ['orders'] });
    expect(simulator.rebalanceNeeded).toBe(false);
  });

  it('counts assigned, revoked and moved partitions by member name, round after round', () => {
    const simulator = new GroupSimulator({ createAssignor: perTopicRoundRobinAssignor, topics: [['orders', { partitionCount: 4 }]] });
    const next = (): RebalanceRound => only(simulator.settle());

    simulator.join('a', { topics: ['orders'] });
    const alone = next();
    expect(shares(alone)).toEqual({ a: { orders: [0, 1, 2, 3] } });
    expect(alone.movement).toEqual({ assigned: 4, revoked: 0, moved: 0 });

    simulator.join('b', { topics: ['orders'] });
    const shared = next();
    expect(shares(shared)).toEqual({ a: { orders: [0, 2] }, b: { orders: [1, 3] } });
    expect(shared.movement).toEqual({ assigned: 2, revoked: 2, moved: 2 });

    simulator.setTopic('orders', { partitionCount: 6 });
    const grown = next();
    expect(shares(grown)).toEqual({ a: { orders: [0, 2, 4] }, b: { orders: [1, 3, 5] } });
    expect(grown.movement).toEqual({ assigned: 2, revoked: 0, moved: 0 });

    simulator.expire('a');
    const withoutA = next();
    expect(shares(withoutA)).toEqual({ b: { orders: [0, 1, 2, 3, 4, 5] } });
    expect(withoutA.movement).toEqual({ assigned: 3, revoked: 3, moved: 3 });
    expect(withoutA.leader).toBe('b-2');

    expect(simulator.rejoinZombie('a')).toBe('a-3');
    const zombieBack = next();
    expect(shares(zombieBack)).toEqual({ b: { orders: [1, 3, 5] }, a: { orders: [0, 2, 4] } });
    expect(zombieBack.movement).toEqual({ assigned: 3, revoked: 3, moved: 3 });

    simulator.crash('b');
    const withoutB = next();
    expect(withoutB.movement).toEqual({ assigned: 3, revoked: 3, moved: 3 });

    simulator.deleteTopic('orders');
    const deleted = next();
    expect(shares(deleted)).toEqual({ a: {} });
    expect(deleted.movement).toEqual({ assigned: 0, revoked: 6, moved: 0 });
    expect(deleted.idleMembers).toEqual(['a-3']);
    expect(deleted.generationId).toBe(7);
  });

  it('withholds what a cooperative member still owns for one round, then settles', () => {
    const simulator = new GroupSimulator({ createAssignor: cooperativeRoundRobinAssignor, topics: [['orders', { partitionCount: 4 }]] });
    simulator.join('a', { topics: ['orders'] });
    expect(simulator.settle()).toHaveLength(1);

    simulator.join('b', { topics: ['orders'] });
    const [revoking, completing, ...more] = simulator.settle();

    expect(more).toEqual([]);
    expect(shares(revoking)).toEqual({ a: { orders: [0, 2] }, b: {} });
    expect(revoking?.members.map((member) => member.requestsRejoin)).toEqual([true, false]);
    expect(revoking?.movement).toEqual({ assigned: 0, revoked: 2, moved: 0 });
    expect(shares(completing)).toEqual({ a: { orders: [0, 2] }, b: { orders: [1, 3] } });
    expect(completing?.movement).toEqual({ assigned: 2, revoked: 0, moved: 0 });
    expect([...(revoking?.violations ?? []), ...(completing?.violations ?? [])]).toEqual([]);
    expect(simulator.rebalanceNeeded).toBe(false);
  });

  it('lets a zombie rejoin under a new id with the claims and generation of its old one', () => {
    const assignors = new Map<string, RecordingAssignor>();
    const simulator = new GroupSimulator({
      createAssignor: (name) => {
        const assignor = recordingAssignor(cooperativeRoundRobinAssignor());
        assignors.set(name, assignor);
        return assignor;
      },
      topics: [['orders', { partitionCount: 4 }]],
    });
    simulator.join('a', { topics: ['orders'] });
    simulator.join('b', { topics: ['orders'] });
    simulator.settle();
    const remembered = simulator.context('a');
    expect(remembered).toMatchObject({ memberId: 'a-1', assignment: [{ topic: 'orders', partitions: [0, 2] }] });

    simulator.expire('a');
    expect(simulator.zombieNames).toEqual(['a']);
    expect(shares(only(simulator.settle()))).toEqual({ b: { orders: [0, 1, 2, 3] } });

    simulator.rejoinZombie('a');
    const rounds = simulator.settle();

    const staleView = assignors.get('b')?.groups.at(-rounds.length);
    expect(staleView?.members.find((member) => member.memberId === 'a-3')?.subscription).toMatchObject({
      ownedPartitions: [{ topic: 'orders', partitions: [0, 2] }],
      generationId: remembered.generationId,
    });
    expect(assignors.get('a')?.contexts.at(-rounds.length)).toEqual(remembered);
    expect(shares(rounds.at(-1))).toEqual({ b: { orders: [1, 3] }, a: { orders: [0, 2] } });
    expect(rounds.flatMap((round) => round.violations)).toEqual([]);
  });

  it('gives a member whose subscription cannot be decoded an empty assignment and assigns the rest', () => {
    const simulator = new GroupSimulator({
      createAssignor: perTopicRoundRobinAssignor,
      topics: [['orders', { partitionCount: 3 }]],
      tamperSubscription: (name, bytes) => (name === 'b' ? bytes.subarray(0, 3) : bytes),
    });
    simulator.join('a', { topics: ['orders'] });
    simulator.join('b', { topics: ['orders'] });

    const round = simulator.rebalance();

    const failure = only(round.decodeFailures);
    expect(failure).toMatchObject({ name: 'b', memberId: 'b-2' });
    expect(failure.error).toBeInstanceOf(ConsumerProtocolError);
    expect(shares(round)).toEqual({ a: { orders: [0, 1, 2] }, b: {} });
    expect(round.idleMembers).toEqual(['b-2']);
    expect(round.violations).toEqual([]);
    expect(simulator.context('b')).toMatchObject({ memberId: 'b-2', generationId: 1, assignment: [] });
  });

  it('makes a cooperative member give up the topics it drops before it rejoins; an eager one keeps its memory', () => {
    const topics = [['orders', { partitionCount: 2 }] as const, ['payments', { partitionCount: 2 }] as const];
    const cooperative = new GroupSimulator({ createAssignor: cooperativeRoundRobinAssignor, topics });
    const eager = new GroupSimulator({ createAssignor: perTopicRoundRobinAssignor, topics });
    for (const simulator of [cooperative, eager]) {
      simulator.join('a', { topics: ['orders', 'payments'] });
      simulator.settle();
      simulator.changeSubscription('a', ['orders']);
      expect(simulator.rebalanceNeeded).toBe(true);
    }
    expect(cooperative.context('a').assignment).toEqual([{ topic: 'orders', partitions: [0, 1] }]);
    expect(eager.context('a').assignment).toEqual([
      { topic: 'orders', partitions: [0, 1] },
      { topic: 'payments', partitions: [0, 1] },
    ]);
    expect(shares(only(cooperative.settle()))).toEqual({ a: { orders: [0, 1] } });
  });

  it('rebalances on metadata changes only for topics some member subscribes to', () => {
    const simulator = new GroupSimulator({ createAssignor: perTopicRoundRobinAssignor, topics: [['orders', { partitionCount: 2 }]] });
    simulator.join('a', { topics: ['orders', 'future'] });
    simulator.settle();

    simulator.setTopic('unwatched', { partitionCount: 3 });
    simulator.deleteTopic('never-existed');
    expect(simulator.rebalanceNeeded).toBe(false);

    simulator.setTopic('future', { partitionCount: 1 });
    expect(simulator.rebalanceNeeded).toBe(true);
    expect(shares(only(simulator.settle()))).toEqual({ a: { orders: [0, 1], future: [0] } });

    expect(() => simulator.setTopic('orders', { partitionCount: 1 })).toThrow(/cannot shrink from 2 to 1/);
  });

  it('records violations, and refuses the result when asked', () => {
    const ignoresSubscriptions = (): Assignor => ({
      name: 'everything-to-everyone',
      rebalanceProtocols: ['eager'],
      assign: (group): GroupAssignment =>
        new Map(group.members.map((member) => [member.memberId, { partitions: [{ topic: 'orders', partitions: [0] }], userData: null }])),
    });
    const topics = [['orders', { partitionCount: 1 }] as const];
    const recording = new GroupSimulator({ createAssignor: ignoresSubscriptions, topics });
    const throwing = new GroupSimulator({ createAssignor: ignoresSubscriptions, topics, throwOnViolation: true });
    for (const simulator of [recording, throwing]) {
      simulator.join('a', { topics: ['orders'] });
      simulator.join('b', { topics: [] });
    }

    expect(recording.rebalance().violations.map((violation) => violation.kind)).toEqual(['unsubscribed-topic-assigned', 'partition-assigned-twice']);
    expect(() => throwing.rebalance()).toThrow(InvalidAssignmentError);
    expect(() => throwing.rebalance()).toThrow(/everything-to-everyone assignor returned an invalid assignment: b-2 is assigned orders-0/);
    expect(throwing.context('a')).toMatchObject({ generationId: -1, assignment: [] });
  });

  it('requires all partitions only when asked, so a withholding round then counts as invalid', () => {
    const simulator = new GroupSimulator({
      createAssignor: cooperativeRoundRobinAssignor,
      topics: [['orders', { partitionCount: 2 }]],
      requireAllPartitions: true,
    });
    simulator.join('a', { topics: ['orders'] });
    simulator.settle();
    simulator.join('b', { topics: ['orders'] });
    const [withholding, settled] = simulator.settle();
    expect(withholding?.violations).toEqual([expect.objectContaining({ kind: 'partition-unassigned', topic: 'orders', partition: 1 })]);
    expect(settled?.violations).toEqual([]);
  });

  it('gives up settling a group whose members keep asking for rounds', () => {
    const handsEverythingOver = (): Assignor => ({
      name: 'hands-everything-over',
      rebalanceProtocols: ['cooperative'],
      assign: (group) => {
        const newcomer = group.members.find((member) => member.subscription.ownedPartitions.length === 0)?.memberId;
        return new Map(
          group.members.map((member) => [
            member.memberId,
            { partitions: member.memberId === newcomer ? [{ topic: 'orders', partitions: [0] }] : [], userData: null },
          ]),
        );
      },
    });
    const simulator = new GroupSimulator({ createAssignor: handsEverythingOver, topics: [['orders', { partitionCount: 1 }]], maxSettleRounds: 5 });
    simulator.join('a', { topics: ['orders'] });
    simulator.settle();
    simulator.join('b', { topics: ['orders'] });
    expect(() => simulator.settle()).toThrow('the group did not settle within 5 rounds (generation 6)');
  });

  it('runs a round for an empty group, with no leader', () => {
    const simulator = new GroupSimulator({ createAssignor: perTopicRoundRobinAssignor, topics: [['orders', { partitionCount: 2 }]] });
    simulator.join('a', { topics: ['orders'] });
    simulator.settle();
    simulator.leave('a');
    expect(only(simulator.settle())).toEqual({
      generationId: 2,
      leader: null,
      members: [],
      movement: { assigned: 0, revoked: 2, moved: 0 },
      idleMembers: [],
      decodeFailures: [],
      violations: [],
    });
  });

  it('admits only members that speak the group’s protocol, under names not in use', () => {
    const simulator = new GroupSimulator({
      createAssignor: (name) => (name === 'odd' ? cooperativeRoundRobinAssignor() : perTopicRoundRobinAssignor()),
    });
    simulator.join('a', { topics: [] });
    expect(() => simulator.join('odd', { topics: [] })).toThrow(/INCONSISTENT_GROUP_PROTOCOL/);
    expect(() => simulator.join('a', { topics: [] })).toThrow('a member named a is already running');
    simulator.expire('a');
    expect(() => simulator.join('a', { topics: [] })).toThrow('a member named a is already running');
    expect(() => simulator.leave('a')).toThrow('no member is named a');
    expect(() => simulator.rejoinZombie('b')).toThrow('no expired member is named b');
  });
});
