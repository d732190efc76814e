import type { PartitionAssigner } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { decodeAssignment, decodeSubscription, InvalidAssignmentError, kafkajsAssigner, type Assignor } from '@kafka-assignors/core';
import { ManualClock } from '@kafka-assignors/core/testing';
import { perTopicRoundRobinAssignor } from '../support/per-topic-round-robin-assignor.js';
import { recordingAssignor } from '../support/recording-assignor.js';
import { InMemoryCoordinator } from './in-memory-coordinator.js';
import { fakeCluster, testConsumer, type TopicLayout } from './kafkajs-consumer-group.js';

function perTopicAssignor(overrides: Partial<Assignor> = {}): Assignor {
  return { ...perTopicRoundRobinAssignor(), ...overrides };
}

/** Records what the adapter tells a member's assignor; its user data is the member's generation plus one. */
function recordingMember(rebalanceProtocols: Assignor['rebalanceProtocols'] = ['eager']) {
  return recordingAssignor(perTopicAssignor({ rebalanceProtocols, subscriptionUserData: (member) => Uint8Array.of(member.generationId + 1) }));
}

function partitionsOf(assigned: readonly { topic: string; partitions: readonly number[] }[]): string[] {
  return assigned.flatMap(({ topic, partitions }) => partitions.map((p) => `${topic}-${p}`)).sort();
}

const afterPendingJoins = () => new Promise((resolve) => setImmediate(resolve));

describe('kafkajsAssigner, driven by KafkaJS itself', () => {
  const layout: TopicLayout = { a: { partitions: 4 }, b: { partitions: 2 }, c: { partitions: 1 } };

  it('assigns the topics of every member, not just the leader\'s, and only what each subscribed to', async () => {
    const coordinator = new InMemoryCoordinator(3);
    const consumers = [['a'], ['a', 'b'], ['c']].map((topics) => testConsumer(coordinator, layout, topics, [kafkajsAssigner(perTopicAssignor())]));
    await Promise.all(consumers.map(({ group }) => group.joinAndSync()));

    const [leader, second, third] = consumers.map(({ group }) => partitionsOf(group.assigned()));
    expect(leader).toEqual(['a-0', 'a-2']);
    expect(second).toEqual(['a-1', 'a-3', 'b-0', 'b-1']);
    expect(third).toEqual(['c-0']);
    expect(consumers[0]?.cluster.metadataRequests).toEqual([['a', 'b', 'c']]);
  });

  it('logs a member whose subscription cannot be read, gives it an empty assignment, and assigns the rest', async () => {
    const coordinator = new InMemoryCoordinator(3);
    const consumers = [['a'], ['a']].map((topics) => testConsumer(coordinator, layout, topics, [kafkajsAssigner(perTopicAssignor())]));
    const brokenMember = (async () => {
      await afterPendingJoins();
      const join = await coordinator.joinGroup({ memberId: '', groupProtocols: [{ name: 'per-topic-round-robin', metadata: Buffer.from([0, 3, 0, 0, 0, 9]) }] });
      return coordinator.syncGroup({ memberId: join.memberId, generationId: join.generationId, groupAssignment: [] });
    })();
    await Promise.all(consumers.map(({ group }) => group.joinAndSync()));
    const broken = await brokenMember;

    expect(decodeAssignment(broken.memberAssignment).partitions).toEqual([]);
    expect(consumers.flatMap(({ group }) => partitionsOf(group.assigned())).sort()).toEqual(['a-0', 'a-1', 'a-2', 'a-3']);
    const logged = consumers[0]?.logs.find(({ log }) => log.message.includes('cannot be read'));
    expect(logged?.log).toMatchObject({ memberId: 'member-3', field: 'Subscription.Topics' });
    expect(logged?.log.message).toMatch(/^Member member-3 sent a subscription that cannot be read/);
  });

  it('tells every member its assignment and generation, and builds its next subscription from them', async () => {
    const coordinator = new InMemoryCoordinator(2);
    const recorders = [recordingMember(), recordingMember()];
    const clock = new ManualClock();
    const consumers = recorders.map((assignor) => testConsumer(coordinator, layout, ['a'], [kafkajsAssigner(assignor, { clock })]));
    await Promise.all(consumers.map(({ group }) => group.joinAndSync()));
    clock.advance(1_000);
    await Promise.all(consumers.map(({ group }) => group.joinAndSync()));

    const [first, second] = recorders;
    expect(first?.received.map(({ assignment, metadata }) => [partitionsOf(assignment.partitions), metadata])).toEqual([
      [['a-0', 'a-2'], { memberId: 'member-1', generationId: 1, sessionTimeoutMs: 30000, requestSentAt: 0 }],
      [['a-0', 'a-2'], { memberId: 'member-1', generationId: 2, sessionTimeoutMs: 30000, requestSentAt: 1_000 }],
    ]);
    expect(second?.received.map(({ metadata }) => metadata.generationId)).toEqual([1, 2]);
    expect(first?.contexts).toEqual([
      { memberId: null, generationId: -1, assignment: [], topics: ['a'] },
      { memberId: 'member-1', generationId: 1, assignment: [{ topic: 'a', partitions: [0, 2] }], topics: ['a'] },
    ]);
    const leaderView = first?.groups[1]?.members.map(({ memberId, subscription }) => [memberId, [...(subscription.userData ?? [])]]);
    expect(leaderView).toEqual([['member-1', [2]], ['member-2', [2]]]);
  });

  it('sends v3 subscriptions with the generation and the rack, and no owned partitions even for cooperative assignors: KafkaJS is eager', async () => {
    const coordinator = new InMemoryCoordinator(2);
    const cooperative = recordingMember(['cooperative', 'eager']);
    const eager = recordingMember(['eager']);
    const consumers = [cooperative, eager].map((assignor) => testConsumer(coordinator, layout, ['a'], [kafkajsAssigner(assignor, { rackId: 'r1' })]));
    await Promise.all(consumers.map(({ group }) => group.joinAndSync()));
    await Promise.all(consumers.map(({ group }) => group.joinAndSync()));

    const secondRound = coordinator.joinRequests.slice(2).map((request) => decodeSubscription(request.groupProtocols[0]?.metadata ?? Buffer.alloc(0)));
    expect(secondRound.map(({ version, generationId, rackId }) => ({ version, generationId, rackId }))).toEqual([
      { version: 3, generationId: 1, rackId: 'r1' },
      { version: 3, generationId: 1, rackId: 'r1' },
    ]);
    expect(secondRound.map(({ ownedPartitions }) => ownedPartitions)).toEqual([[], []]);
  });

  it('writes subscriptions and assignments in the consumer-protocol version it is given', async () => {
    const coordinator = new InMemoryCoordinator(2);
    const consumers = [['a'], ['a']].map((topics) => testConsumer(coordinator, layout, topics, [kafkajsAssigner(perTopicAssignor(), { protocolVersion: 0 })]));
    await Promise.all(consumers.map(({ group }) => group.joinAndSync()));

    const subscriptions = coordinator.joinRequests.map((request) => request.groupProtocols[0]?.metadata ?? Buffer.alloc(0));
    expect(subscriptions.map((bytes) => decodeSubscription(bytes).version)).toEqual([0, 0]);
    expect(subscriptions[0]?.toString('hex')).toBe('0000' + '00000001' + '000161' + 'ffffffff');
    const received = await coordinator.syncGroup({ memberId: 'member-2', generationId: coordinator.generationId, groupAssignment: [] });
    expect(decodeAssignment(received.memberAssignment)).toEqual({ version: 0, partitions: [{ topic: 'a', partitions: [1, 3] }], userData: null });
  });

  it('refuses a protocol version that cannot carry the rack', () => {
    expect(() => kafkajsAssigner(perTopicAssignor(), { rackId: 'r1', protocolVersion: 2 })).toThrow(/rackId travels in consumer-protocol version 3 only, not 2/);
    expect(() => kafkajsAssigner(perTopicAssignor(), { rackId: 'r1', protocolVersion: 3 })).not.toThrow();
  });

  it('gives the assignor the racks of each partition\'s replicas', async () => {
    const coordinator = new InMemoryCoordinator(1);
    const assignor = recordingMember();
    const racked: TopicLayout = { r: { partitions: 2, racks: ['x', 'y'] } };
    await testConsumer(coordinator, racked, ['r'], [kafkajsAssigner(assignor)]).group.joinAndSync();
    expect(assignor.groups[0]?.topics.get('r')).toEqual({ partitionCount: 2, replicaRacks: [['x', 'y'], ['x', 'y']] });
  });

  it('leaves out subscribed topics that do not exist, as the Java client does', async () => {
    const coordinator = new InMemoryCoordinator(1);
    const consumer = testConsumer(coordinator, layout, ['b', 'gone'], [kafkajsAssigner(perTopicAssignor())]);
    await consumer.group.joinAndSync();
    expect(partitionsOf(consumer.group.assigned())).toEqual(['b-0', 'b-1']);
    expect(consumer.cluster.metadataRequests).toEqual([['b', 'gone'], ['b'], ['gone']]);
  });

  it('refuses to send an invalid assignment', async () => {
    const coordinator = new InMemoryCoordinator(1);
    const greedy = perTopicAssignor({
      assign: (group) => new Map(group.members.map((m) => [m.memberId, { partitions: [{ topic: 'c', partitions: [0] }], userData: null }])),
    });
    const consumer = testConsumer(coordinator, layout, ['a'], [kafkajsAssigner(greedy)]);
    await expect(consumer.group.joinAndSync()).rejects.toThrow(InvalidAssignmentError);
    await expect(consumer.group.joinAndSync()).rejects.toThrow(/the per-topic-round-robin assignor returned an invalid assignment: member-1 is assigned c-0/);
  });

  it('refuses to serve two consumers with one assignor that keeps member state', () => {
    const assigner = kafkajsAssigner(recordingMember());
    const coordinator = new InMemoryCoordinator(1);
    testConsumer(coordinator, layout, ['a'], [assigner]);
    expect(() => testConsumer(coordinator, layout, ['a'], [assigner])).toThrow(/already serves another consumer/);
    const stateless = kafkajsAssigner(perTopicAssignor());
    testConsumer(coordinator, layout, ['a'], [stateless]);
    expect(() => testConsumer(coordinator, layout, ['a'], [stateless])).not.toThrow();
  });

  it('fails loudly when it cannot see the consumer\'s rebalances', () => {
    const cluster = fakeCluster(new InMemoryCoordinator(1), layout);
    const logger = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
    const assigner = kafkajsAssigner(recordingMember())({ cluster, groupId: 'g', logger });
    assigner.protocol({ topics: ['a'] });
    expect(() => assigner.protocol({ topics: ['a'] })).toThrow(/cannot see this consumer's JoinGroup responses/);
  });

  it('has the type of a KafkaJS partition assigner', () => {
    const assigner: PartitionAssigner = kafkajsAssigner(perTopicAssignor());
    expect(typeof assigner).toBe('function');
  });
});
