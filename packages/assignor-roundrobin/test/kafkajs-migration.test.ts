import { AssignerProtocol, PartitionAssigners, type PartitionAssigner } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { decodeSubscription, kafkajsAssigner } from '@kafka-assignors/core';
import { roundRobinAssignor } from '@kafka-assignors/assignor-roundrobin';
// KafkaJS' own ConsumerGroup against an in-memory coordinator: core's test harness, shared by relative path.
import { InMemoryCoordinator } from '../../core/test/kafkajs/in-memory-coordinator.js';
import { testConsumer, type TestConsumer, type TopicLayout } from '../../core/test/kafkajs/kafkajs-consumer-group.js';

/** A member that still runs KafkaJS' stock assigner. */
const stockKafkaJS = (): PartitionAssigner[] => [PartitionAssigners.roundRobin];
/** The first rolling restart: Java's round-robin preferred, and under KafkaJS' name for the members not restarted yet. */
const upgrading = (): PartitionAssigner[] => [
  kafkajsAssigner(roundRobinAssignor()),
  kafkajsAssigner(roundRobinAssignor({ protocolName: 'RoundRobinAssigner' }), { protocolVersion: 0 }),
];
/** The second rolling restart: only the protocol Java consumers share. */
const upgraded = (): PartitionAssigner[] => [kafkajsAssigner(roundRobinAssignor())];
/** What a member offers under KafkaJS' name, alone. */
const underKafkaJSName = (): PartitionAssigner[] => [
  kafkajsAssigner(roundRobinAssignor({ protocolName: 'RoundRobinAssigner' }), { protocolVersion: 0 }),
];

interface MemberSetup {
  readonly topics: string[];
  readonly assigners: PartitionAssigner[];
}

/**
 * One rebalance of a group whose members join in the order given, the first one leading: each member starts
 * joining once the previous one's JoinGroup has reached the coordinator (the adapter takes a step more than
 * KafkaJS' own assigner to get there, so starting them together would not fix the order).
 */
async function rebalance(layout: TopicLayout, members: readonly MemberSetup[]): Promise<{ consumers: TestConsumer[]; coordinator: InMemoryCoordinator }> {
  const coordinator = new InMemoryCoordinator(members.length);
  const consumers = members.map(({ topics, assigners }) => testConsumer(coordinator, layout, topics, assigners));
  const rebalances: Promise<void>[] = [];
  for (const { group } of consumers) {
    rebalances.push(group.joinAndSync());
    await joinRequestsReceived(coordinator, rebalances.length);
  }
  await Promise.all(rebalances);
  return { consumers, coordinator };
}

async function joinRequestsReceived(coordinator: InMemoryCoordinator, count: number): Promise<void> {
  while (coordinator.joinRequests.length < count) await new Promise((resolve) => setImmediate(resolve));
}

function partitionsOf({ group }: TestConsumer): string[] {
  return group.assigned().flatMap(({ topic, partitions }) => partitions.map((partition) => `${topic}-${partition}`)).sort();
}

/** The protocol the group chose, as the member's KafkaJS ConsumerGroup recorded it from its JoinGroup response. */
function chosenProtocol({ group }: TestConsumer): unknown {
  return Reflect.get(group, 'groupProtocol');
}

describe('roundRobinAssignor under KafkaJS\' protocol name, with KafkaJS\' own RoundRobinAssigner', () => {
  it('sends subscriptions that KafkaJS reads as its own, version 0', async () => {
    const { coordinator } = await rebalance({ a: { partitions: 1 } }, [{ topics: ['a'], assigners: underKafkaJSName() }]);
    const [ours] = coordinator.joinRequests.map((request) => request.groupProtocols[0]);
    expect(ours?.name).toBe('RoundRobinAssigner');
    expect(AssignerProtocol.MemberMetadata.decode(ours?.metadata ?? Buffer.alloc(0))).toEqual({ version: 0, topics: ['a'], userData: null });
    // The only difference from KafkaJS' own bytes: Java writes no user data as null, KafkaJS as empty.
    const stock = AssignerProtocol.MemberMetadata.encode({ version: 0, topics: ['a'], userData: Buffer.alloc(0) });
    expect(decodeSubscription(stock)).toMatchObject({ version: 0, topics: ['a'], userData: new Uint8Array() });
  });

  it('follows a KafkaJS leader, which deals its own topics round all members', async () => {
    const { consumers } = await rebalance({ a: { partitions: 2 }, b: { partitions: 1 } }, [
      { topics: ['a'], assigners: stockKafkaJS() },
      { topics: ['a', 'b'], assigners: underKafkaJSName() },
      { topics: ['a', 'b'], assigners: underKafkaJSName() },
    ]);
    expect(consumers.map(chosenProtocol)).toEqual(['RoundRobinAssigner', 'RoundRobinAssigner', 'RoundRobinAssigner']);
    // KafkaJS' leader ignores the subscriptions: b, which only its followers want, goes to nobody. It also leaves
    // out the member it gives nothing, and ours reads the empty assignment the broker sends such a member.
    expect(consumers.map(partitionsOf)).toEqual([['a-0'], ['a-1'], []]);
  });

  it('leads KafkaJS members, assigning every member\'s topics as the Java client does', async () => {
    const { consumers } = await rebalance({ a: { partitions: 3 }, b: { partitions: 2 } }, [
      { topics: ['a'], assigners: underKafkaJSName() },
      { topics: ['a', 'b'], assigners: stockKafkaJS() },
      { topics: ['a'], assigners: stockKafkaJS() },
    ]);
    // KafkaJS' own leader would deal out only its own topic, a; ours deals b to the member that subscribed to it.
    expect(consumers.map(partitionsOf)).toEqual([['a-0'], ['a-1', 'b-0', 'b-1'], ['a-2']]);
  });
});

describe('moving a running KafkaJS group to roundrobin in two rolling restarts', () => {
  const layout: TopicLayout = { a: { partitions: 6 } };
  const member = (assigners: () => PartitionAssigner[]): MemberSetup => ({ topics: ['a'], assigners: assigners() });

  it.each([
    { stage: 'before, every member on KafkaJS\' assigner', members: [stockKafkaJS, stockKafkaJS, stockKafkaJS], protocol: 'RoundRobinAssigner' },
    { stage: 'restart 1 under way, a KafkaJS member leading', members: [stockKafkaJS, upgrading, upgrading], protocol: 'RoundRobinAssigner' },
    { stage: 'restart 1 under way, an upgraded member leading', members: [upgrading, stockKafkaJS, upgrading], protocol: 'RoundRobinAssigner' },
    { stage: 'restart 1 done', members: [upgrading, upgrading, upgrading], protocol: 'roundrobin' },
    { stage: 'restart 2 under way', members: [upgraded, upgrading, upgrading], protocol: 'roundrobin' },
    { stage: 'restart 2 done', members: [upgraded, upgraded, upgraded], protocol: 'roundrobin' },
  ])('$stage: the group runs $protocol', async ({ members, protocol }) => {
    const { consumers } = await rebalance(layout, members.map(member));
    expect(consumers.map(chosenProtocol)).toEqual([protocol, protocol, protocol]);
    expect(consumers.map(partitionsOf)).toEqual([
      ['a-0', 'a-3'],
      ['a-1', 'a-4'],
      ['a-2', 'a-5'],
    ]);
  });
});
