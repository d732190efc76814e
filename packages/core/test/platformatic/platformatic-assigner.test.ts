import { describe, expect, it } from 'vitest';
import {
  AssignorInUseError,
  encodeAssignment,
  encodeSubscription,
  InvalidArgumentError,
  platformaticAssigner,
  type Assignor,
  type AssignorLogger,
  type HeartbeatMetadata,
  type Subscription,
} from '@kafka-assignors/core';
import { ManualClock } from '@kafka-assignors/core/testing';
import { perTopicRoundRobinAssignor } from '../support/per-topic-round-robin-assignor.js';
import { recordingAssignor } from '../support/recording-assignor.js';
import { clientMetadata, FakePlatformaticConsumer } from './fake-platformatic-consumer.js';

const TOPIC = 'orders';

function subscriptionBytes(overrides: Partial<Subscription> = {}): Uint8Array {
  return encodeSubscription({ topics: [TOPIC], userData: null, ownedPartitions: [], generationId: -1, rackId: null, ...overrides }, 3);
}

function collectingLogger(): AssignorLogger & { lines: { level: string; message: string; extra?: object }[] } {
  const lines: { level: string; message: string; extra?: object }[] = [];
  const log = (level: string) => (message: string, extra?: object) => void lines.push({ level, message, ...(extra === undefined ? {} : { extra }) });
  return { lines, info: log('info'), warn: log('warn'), error: log('error') };
}

/** A member with user data and every member hook, recording what the adapter tells it. */
function statefulAssignor() {
  const heartbeats: HeartbeatMetadata[] = [];
  let leaves = 0;
  const recording = recordingAssignor({ ...perTopicRoundRobinAssignor(), subscriptionUserData: (member) => new TextEncoder().encode(`gen ${member.generationId}`) });
  const assignor: Assignor = { ...recording, onHeartbeat: (heartbeat) => void heartbeats.push(heartbeat), onLeave: () => void (leaves += 1) };
  return { assignor, recording, heartbeats, leaves: () => leaves };
}

/** One whole rebalance of `consumer` as member `memberId`, leading a group of `others` too when it is the leader. */
function rebalance(consumer: FakePlatformaticConsumer, memberId: string, generationId: number, others: string[], clock?: ManualClock) {
  const leader = others.length > 0 || memberId.startsWith('lead') ? memberId : 'someone-else';
  consumer.startJoin([TOPIC]);
  consumer.sendJoin();
  clock?.advance(40);
  const memberIds = [memberId, ...others];
  consumer.answerJoin({ memberId, leader, generationId, members: leader === memberId ? memberIds.map((id) => ({ memberId: id, metadata: subscriptionBytes() })) : [] });
  const result = leader === memberId ? consumer.assign(memberId, memberIds, clientMetadata({ [TOPIC]: 4 })) : [];
  const own = result.find((entry) => entry.memberId === memberId)?.assignments.get(TOPIC)?.partitions ?? [0, 1];
  consumer.answerSync(encodeAssignment({ partitions: [{ topic: TOPIC, partitions: own }], userData: new Uint8Array([7, 7]) }, 0));
  consumer.completeJoin({ memberId, generationId, isLeader: leader === memberId, assignments: [{ topic: TOPIC, partitions: own }] });
  return result;
}

describe('platformaticAssigner', () => {
  it('offers one protocol, the assignor name, in version 3 unless told otherwise', () => {
    expect(platformaticAssigner(perTopicRoundRobinAssignor()).protocols).toEqual([{ name: 'per-topic-round-robin', version: 3 }]);
    expect(platformaticAssigner(perTopicRoundRobinAssignor(), { protocolVersion: 0 }).protocols).toEqual([{ name: 'per-topic-round-robin', version: 0 }]);
  });

  it('refuses what is not an assignor, and options it does not know, naming platformaticAssigner', () => {
    expect(() => platformaticAssigner(perTopicRoundRobinAssignor as unknown as Assignor)).toThrow(InvalidArgumentError);
    expect(() => platformaticAssigner(perTopicRoundRobinAssignor as unknown as Assignor)).toThrow(/^platformaticAssigner: assignor is .*pass perTopicRoundRobinAssignor\(\)/);
    expect(() => platformaticAssigner(perTopicRoundRobinAssignor(), { rackId: 'a' } as never)).toThrow('platformaticAssigner: options.rackId is not an option (protocolVersion, clock, logger)');
    expect(() => platformaticAssigner(perTopicRoundRobinAssignor(), { protocolVersion: 4 as never })).toThrow('options.protocolVersion must be 0, 1, 2 or 3, not 4');
    expect(() => platformaticAssigner(perTopicRoundRobinAssignor(), { logger: { info: () => undefined } as never })).toThrow('options.logger must have info, warn and error functions');
    expect(() => platformaticAssigner(perTopicRoundRobinAssignor(), { clock: {} as never })).toThrow('options.clock must be a Clock');
  });

  it("sends the assignor's user data, built from the member's last completed rebalance", () => {
    const { assignor, recording } = statefulAssignor();
    const consumer = new FakePlatformaticConsumer(platformaticAssigner(assignor));
    expect(consumer.startJoin([TOPIC]).toString()).toBe('gen -1');
    consumer.sendJoin();
    consumer.answerJoin({ memberId: 'm-1', leader: 'm-0', generationId: 4, members: [] });
    consumer.answerSync(encodeAssignment({ partitions: [{ topic: TOPIC, partitions: [2] }, { topic: 'not-subscribed', partitions: [0] }], userData: null }, 0));
    consumer.completeJoin({ memberId: 'm-1', generationId: 4, isLeader: false, assignments: [] });

    expect(consumer.startJoin([TOPIC, 'payments']).toString()).toBe('gen 4');
    expect(recording.contexts.at(-1)).toEqual({ memberId: 'm-1', generationId: 4, assignment: [{ topic: TOPIC, partitions: [2] }], topics: [TOPIC, 'payments'] });
  });

  it('assigns, as leader, every member of the JoinGroup response as it was sent, with the union of their topics and the racks of the metadata', () => {
    const recording = recordingAssignor(perTopicRoundRobinAssignor());
    const consumer = new FakePlatformaticConsumer(platformaticAssigner(recording));
    consumer.startJoin([TOPIC]);
    consumer.sendJoin();
    const members = [
      { memberId: 'b', groupInstanceId: 'pod-b', metadata: subscriptionBytes({ topics: ['payments'], rackId: 'r2', userData: new Uint8Array([1]) }) },
      { memberId: 'a', metadata: subscriptionBytes({ ownedPartitions: [{ topic: TOPIC, partitions: [1] }], generationId: 3 }) },
    ];
    consumer.answerJoin({ memberId: 'a', leader: 'a', generationId: 4, members });
    const result = consumer.assign('a', ['a', 'b'], clientMetadata({ [TOPIC]: 2, payments: 1, unrelated: 5 }, { 1: 'r1', 2: 'r2' }, [1, 2]));

    const [group] = recording.groups;
    expect(group?.members).toMatchObject([
      { memberId: 'b', groupInstanceId: 'pod-b', subscription: { topics: ['payments'], userData: new Uint8Array([1]), ownedPartitions: [], generationId: -1, rackId: 'r2' } },
      { memberId: 'a', groupInstanceId: null, subscription: { topics: [TOPIC], userData: null, ownedPartitions: [{ topic: TOPIC, partitions: [1] }], generationId: 3, rackId: null } },
    ]);
    expect(group?.topics).toEqual(
      new Map([
        ['payments', { partitionCount: 1, replicaRacks: [['r1', 'r2']] }],
        [TOPIC, { partitionCount: 2, replicaRacks: [['r1', 'r2'], ['r1', 'r2']] }],
      ]),
    );
    expect(result).toEqual([
      { memberId: 'a', assignments: new Map([[TOPIC, { topic: TOPIC, partitions: [0, 1] }]]) },
      { memberId: 'b', assignments: new Map([['payments', { topic: 'payments', partitions: [0] }]]) },
    ]);
  });

  it('leaves out, logged, a member whose subscription cannot be read, and a member repeating another member id, and assigns the rest', () => {
    const logger = collectingLogger();
    const consumer = new FakePlatformaticConsumer(platformaticAssigner(perTopicRoundRobinAssignor(), { logger }));
    consumer.startJoin([TOPIC]);
    consumer.sendJoin();
    const members = [
      { memberId: 'a', metadata: subscriptionBytes() },
      { memberId: 'broken', metadata: new Uint8Array([0, 3, 0]) },
      { memberId: 'a', metadata: subscriptionBytes() },
    ];
    consumer.answerJoin({ memberId: 'a', leader: 'a', generationId: 1, members });
    const result = consumer.assign('a', ['a', 'broken'], clientMetadata({ [TOPIC]: 2 }));

    expect(result).toEqual([
      { memberId: 'a', assignments: new Map([[TOPIC, { topic: TOPIC, partitions: [0, 1] }]]) },
      { memberId: 'broken', assignments: new Map() },
    ]);
    expect(logger.lines.map(({ level, message }) => [level, message])).toEqual([
      ['error', 'Member a repeats the member id of an earlier member of the JoinGroup response; it is left out of this generation\'s assignment'],
      ['error', 'Member broken sent a subscription that cannot be read; it gets no partitions this generation'],
    ]);
    expect(logger.lines[1]?.extra).toMatchObject({ memberId: 'broken', field: 'Subscription.Topics', offset: 2 });
  });

  it('sends every member an empty assignment, logged, instead of an invalid result or when the assignor throws', () => {
    const overlapping: Assignor = {
      name: 'overlapping',
      rebalanceProtocols: ['eager'],
      assign: (group) => new Map(group.members.map(({ memberId }) => [memberId, { partitions: [{ topic: TOPIC, partitions: [0] }], userData: null }])),
    };
    const throwing: Assignor = {
      name: 'throwing',
      rebalanceProtocols: ['eager'],
      assign: () => {
        throw new RangeError('out of range');
      },
    };
    for (const [assignor, error] of [
      [overlapping, 'InvalidAssignmentError'],
      [throwing, 'RangeError'],
    ] as const) {
      const logger = collectingLogger();
      const consumer = new FakePlatformaticConsumer(platformaticAssigner(assignor, { logger }));
      consumer.startJoin([TOPIC]);
      consumer.sendJoin();
      consumer.answerJoin({ memberId: 'a', leader: 'a', generationId: 1, members: ['a', 'b'].map((memberId) => ({ memberId, metadata: subscriptionBytes() })) });
      expect(consumer.assign('a', ['a', 'b'], clientMetadata({ [TOPIC]: 1 }))).toEqual([
        { memberId: 'a', assignments: new Map() },
        { memberId: 'b', assignments: new Map() },
      ]);
      expect(logger.lines).toMatchObject([{ level: 'error', extra: { error } }]);
      // The leader was not alone: what it then receives is what was sent, not the client's shortcut.
      consumer.answerSync(encodeAssignment({ partitions: [], userData: null }, 0));
      consumer.completeJoin({ memberId: 'a', generationId: 1, isLeader: true, assignments: [] });
      expect(logger.lines).toHaveLength(1);
    }
  });

  it('warns, as leader, that per-member assignment user data cannot be sent by this client', () => {
    const logger = collectingLogger();
    const withUserData: Assignor = {
      name: 'with-user-data',
      rebalanceProtocols: ['eager'],
      assign: (group) => new Map(group.members.map(({ memberId }) => [memberId, { partitions: [], userData: new Uint8Array([1]) }])),
    };
    const consumer = new FakePlatformaticConsumer(platformaticAssigner(withUserData, { logger }));
    consumer.startJoin([TOPIC]);
    consumer.sendJoin();
    consumer.answerJoin({ memberId: 'a', leader: 'a', generationId: 1, members: [{ memberId: 'a', metadata: subscriptionBytes() }] });
    consumer.assign('a', ['a'], clientMetadata({ [TOPIC]: 1 }));
    expect(logger.lines.map(({ level }) => level)).toEqual(['warn']);
    expect(logger.lines[0]?.message).toContain('@platformatic/kafka cannot send');
  });

  it('tells the assignor its assignment as received, user data included, with the generation, session timeout and the JoinGroup send time', () => {
    const clock = new ManualClock();
    clock.advance(1000);
    const { assignor, recording } = statefulAssignor();
    const consumer = new FakePlatformaticConsumer(platformaticAssigner(assignor, { clock }), 6000);
    rebalance(consumer, 'm-1', 7, [], clock);
    expect(recording.received).toMatchObject([
      {
        assignment: { partitions: [{ topic: TOPIC, partitions: [0, 1] }], userData: new Uint8Array([7, 7]) },
        metadata: { memberId: 'm-1', generationId: 7, sessionTimeoutMs: 6000, requestSentAt: 1000 },
      },
    ]);
  });

  it('tells the assignor of each accepted heartbeat, counting from when it was sent', () => {
    const clock = new ManualClock();
    const { assignor, heartbeats } = statefulAssignor();
    const consumer = new FakePlatformaticConsumer(platformaticAssigner(assignor, { clock }), 6000);
    rebalance(consumer, 'm-1', 2, [], clock);
    const heartbeat = consumer.heartbeat('m-1', 2);
    clock.advance(100);
    heartbeat.start();
    clock.advance(2500);
    heartbeat.end();
    consumer.heartbeat('m-1', 2).end();
    expect(heartbeats).toEqual([{ memberId: 'm-1', generationId: 2, sessionTimeoutMs: 6000, requestSentAt: 140 }]);
  });

  it('tells the assignor when the member leaves the group', () => {
    const { assignor, leaves } = statefulAssignor();
    const consumer = new FakePlatformaticConsumer(platformaticAssigner(assignor));
    rebalance(consumer, 'm-1', 1, []);
    consumer.emit('consumer:group:leave', { groupId: 'orders', memberId: 'm-1', generationId: 1 });
    expect(leaves()).toBe(1);
  });

  it("gives a leader alone in its group, which the client assigns without asking, its assignor's user data, and logs when the partitions differ", () => {
    const logger = collectingLogger();
    const nothingForOne: Assignor = {
      name: 'withholding',
      rebalanceProtocols: ['eager'],
      assign: (group) => new Map(group.members.map(({ memberId }) => [memberId, { partitions: [], userData: new Uint8Array([9]) }])),
      onAssignment: (assignment) => void received.push(assignment),
    };
    const received: unknown[] = [];
    const consumer = new FakePlatformaticConsumer(platformaticAssigner(nothingForOne, { logger }));
    consumer.startJoin([TOPIC]);
    consumer.sendJoin();
    consumer.answerJoin({ memberId: 'lead', leader: 'lead', generationId: 1, members: [{ memberId: 'lead', metadata: subscriptionBytes() }] });
    consumer.answerSync(encodeAssignment({ partitions: [{ topic: TOPIC, partitions: [0, 1, 2] }], userData: null }, 0));
    consumer.completeJoin({ memberId: 'lead', generationId: 1, isLeader: true, assignments: [{ topic: TOPIC, partitions: [0, 1, 2] }] });

    expect(received).toEqual([{ partitions: [{ topic: TOPIC, partitions: [0, 1, 2] }], userData: new Uint8Array([9]) }]);
    expect(logger.lines).toMatchObject([{ level: 'error', extra: { clientAssigned: 3, assignorAssigned: 0 } }]);
  });

  it('says so, and marks the assignment, when the broker assigned (a KIP-848 group answers a classic member with no leader)', () => {
    const logger = collectingLogger();
    const { assignor, recording } = statefulAssignor();
    const consumer = new FakePlatformaticConsumer(platformaticAssigner(assignor, { logger }));
    consumer.startJoin([TOPIC]);
    consumer.sendJoin();
    consumer.answerJoin({ memberId: 'm-1', leader: '', generationId: 3, members: [] });
    consumer.answerSync(encodeAssignment({ partitions: [{ topic: TOPIC, partitions: [0] }], userData: null }, 0));
    consumer.completeJoin({ memberId: 'm-1', generationId: 3, isLeader: false, assignments: [{ topic: TOPIC, partitions: [0] }] });
    expect(recording.received[0]?.metadata.assignedByBroker).toBe(true);
    expect(logger.lines.map(({ level }) => level)).toEqual(['error']);
    expect(logger.lines[0]?.message).toContain('consumer-protocol (KIP-848) group');
  });

  it('logs an assignment that cannot be read and tells the assignor of no partitions', () => {
    const logger = collectingLogger();
    const { assignor, recording } = statefulAssignor();
    const consumer = new FakePlatformaticConsumer(platformaticAssigner(assignor, { logger }));
    consumer.startJoin([TOPIC]);
    consumer.sendJoin();
    consumer.answerJoin({ memberId: 'm-1', leader: 'm-0', generationId: 3, members: [] });
    consumer.answerSync(new Uint8Array([0, 0, 0, 0, 0, 9]));
    consumer.completeJoin({ memberId: 'm-1', generationId: 3, isLeader: false, assignments: [] });
    expect(recording.received[0]?.assignment).toEqual({ partitions: [], userData: null });
    expect(logger.lines).toMatchObject([{ level: 'error', extra: { memberId: 'm-1' } }]);
    expect(logger.lines[0]?.message).toContain('cannot be read');
  });

  it('fails the join of a stateful assignor whose consumer it never saw join, rather than lose its state', () => {
    const { assignor } = statefulAssignor();
    const options = platformaticAssigner(assignor);
    expect(() => options.protocolsMetadata(options.protocols, [TOPIC], clientMetadata({}), undefined)).toThrow(/cannot see this consumer's group operations/);
  });

  it('refuses a second consumer with the same options, and a stateful assignor that serves another consumer', () => {
    const options = platformaticAssigner(perTopicRoundRobinAssignor());
    new FakePlatformaticConsumer(options).startJoin([TOPIC]);
    expect(() => new FakePlatformaticConsumer(options).startJoin([TOPIC])).toThrow(/used by a second consumer/);

    const { assignor } = statefulAssignor();
    new FakePlatformaticConsumer(platformaticAssigner(assignor)).startJoin([TOPIC]);
    expect(() => new FakePlatformaticConsumer(platformaticAssigner(assignor)).startJoin([TOPIC])).toThrow(AssignorInUseError);
  });
});
