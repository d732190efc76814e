import { describe, expect, it } from 'vitest';
import { assignmentJson, readScenario, scenarioGroup, type Scenario } from '@kafka-assignors/core/scenario';
import { rangeAssignor } from '@kafka-assignors/assignor-range';
import { javaRackTestScenario, noRacks, racks, type JavaRackTestSetup } from './java-rack-test-scenario.js';

function assign(scenario: Scenario) {
  const group = scenarioGroup(scenario, () => rangeAssignor());
  const result = rangeAssignor().assign(group);
  return assignmentJson(scenario.members.map((m) => m.memberId), result).assignment;
}

/** Each member's partitions as the Java tests write them: "t1-0, t1-3, ...", sorted as strings. */
function javaTestAssignment(scenario: Scenario): string[] {
  const assignment = assign(scenario);
  return scenario.members.map(({ memberId }) =>
    (assignment[memberId] ?? [])
      .flatMap(({ topic, partitions }) => partitions.map((partition) => `${topic}-${partition}`))
      .sort()
      .join(', '),
  );
}

describe('rangeAssignor', () => {
  it('divides each topic on its own, the first members taking the extra partitions (the Java javadoc example)', () => {
    const scenario = readScenario({
      topics: [{ name: 't0', partitions: 3 }, { name: 't1', partitions: 3 }],
      members: [{ memberId: 'C1', topics: ['t0', 't1'] }, { memberId: 'C0', topics: ['t1', 't0'] }],
    });
    expect(assign(scenario)).toEqual({
      C1: [{ topic: 't0', partitions: [2] }, { topic: 't1', partitions: [2] }],
      C0: [{ topic: 't0', partitions: [0, 1] }, { topic: 't1', partitions: [0, 1] }],
    });
  });

  it('counts only the subscribers of a topic (testMultipleConsumersMixedTopics)', () => {
    const scenario = readScenario({
      topics: [{ name: 'topic1', partitions: 3 }, { name: 'topic2', partitions: 2 }],
      members: [
        { memberId: 'consumer1', topics: ['topic1'] },
        { memberId: 'consumer2', topics: ['topic1', 'topic2'] },
        { memberId: 'consumer3', topics: ['topic1'] },
      ],
    });
    expect(assign(scenario)).toEqual({
      consumer1: [{ topic: 'topic1', partitions: [0] }],
      consumer2: [{ topic: 'topic1', partitions: [1] }, { topic: 'topic2', partitions: [0, 1] }],
      consumer3: [{ topic: 'topic1', partitions: [2] }],
    });
  });

  it('orders static members by instance id, not member id (testTwoStaticConsumersTwoTopicsSixPartitions)', () => {
    const scenario = readScenario({
      topics: [{ name: 'topic1', partitions: 3 }, { name: 'topic2', partitions: 3 }],
      members: [
        { memberId: 'consumer-b', groupInstanceId: 'instance1', topics: ['topic1', 'topic2'] },
        { memberId: 'consumer-a', groupInstanceId: 'instance2', topics: ['topic1', 'topic2'] },
      ],
    });
    expect(assign(scenario)).toEqual({
      'consumer-b': [{ topic: 'topic1', partitions: [0, 1] }, { topic: 'topic2', partitions: [0, 1] }],
      'consumer-a': [{ topic: 'topic1', partitions: [2] }, { topic: 'topic2', partitions: [2] }],
    });
  });

  it('puts a static member before a dynamic one (testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions)', () => {
    const scenario = readScenario({
      topics: [{ name: 'topic1', partitions: 3 }, { name: 'topic2', partitions: 3 }],
      members: [
        { memberId: 'consumer-b', groupInstanceId: 'instance1', topics: ['topic1', 'topic2'] },
        { memberId: 'consumer-a', topics: ['topic1', 'topic2'] },
      ],
    });
    expect(assign(scenario)['consumer-b']).toEqual([{ topic: 'topic1', partitions: [0, 1] }, { topic: 'topic2', partitions: [0, 1] }]);
  });

  it('gives every member an entry and skips topics without metadata or partitions', () => {
    const scenario = readScenario({
      topics: [{ name: 't', partitions: 2 }, { name: 'empty', partitions: 0 }],
      members: [
        { memberId: 'a', topics: ['t', 'deleted', 'empty'] },
        { memberId: 'b', topics: ['deleted'] },
        { memberId: 'c', topics: [] },
      ],
    });
    expect(assign(scenario)).toEqual({ a: [{ topic: 't', partitions: [0, 1] }], b: [], c: [] });
  });

  it('gives members after the last partition nothing of that topic', () => {
    const scenario = readScenario({
      topics: [{ name: 't', partitions: 2 }],
      members: ['m0', 'm1', 'm2', 'm3'].map((memberId) => ({ memberId, topics: ['t'] })),
    });
    expect(assign(scenario)).toEqual({ m0: [{ topic: 't', partitions: [0] }], m1: [{ topic: 't', partitions: [1] }], m2: [], m3: [] });
  });
});

/** The Java client's RangeAssignorTest rack vectors, with its replica placement (java-rack-test-scenario.ts). */
describe('rangeAssignor with racks (KIP-881), the Java test vectors', () => {
  const t1t2t3 = [['t1', 6], ['t2', 7], ['t3', 2]] as const;
  const all3 = ['t1', 't2', 't3'];

  function expectVector(setup: Omit<JavaRackTestSetup, 'topics' | 'consumerTopics'>, topics: JavaRackTestSetup['topics'], consumerTopics: string[][], expected: string[]) {
    expect(javaTestAssignment(javaRackTestScenario({ ...setup, topics, consumerTopics }))).toEqual(expected);
  }

  describe('uniform subscription, t1:6 t2:7 t3:2 (testRackAwareAssignmentWithUniformSubscription)', () => {
    const consumerTopics = [all3, all3, all3];
    const plain = ['t1-0, t1-1, t2-0, t2-1, t2-2, t3-0', 't1-2, t1-3, t2-3, t2-4, t3-1', 't1-4, t1-5, t2-5, t2-6'];

    it.each([
      ['brokers without racks', { replicationFactor: 3, brokerRacks: noRacks(3), consumerRacks: racks(3) }],
      ['members without racks', { replicationFactor: 3, brokerRacks: racks(3), consumerRacks: noRacks(3) }],
      ['every partition on every rack', { replicationFactor: 3, brokerRacks: racks(3), consumerRacks: racks(3) }],
      ['every partition on every rack, four brokers', { replicationFactor: 4, brokerRacks: racks(4), consumerRacks: racks(3) }],
      ['member racks disjoint from broker racks', { replicationFactor: 3, brokerRacks: racks(3), consumerRacks: ['d', 'e', 'f'] }],
      ['one member without a rack, the others disjoint', { replicationFactor: 3, brokerRacks: racks(3), consumerRacks: [null, 'e', 'f'] }],
      ['a member on a rack with no partitions', { replicationFactor: 3, brokerRacks: racks(2), consumerRacks: racks(3) }],
    ])('assigns as without racks: %s', (_, setup) => {
      expectVector(setup, t1t2t3, consumerTopics, plain);
    });

    it('aligns racks with one replica per partition (the worked example of reference 3.2)', () => {
      expectVector({ replicationFactor: 1, brokerRacks: racks(3), consumerRacks: racks(3) }, t1t2t3, consumerTopics, [
        't1-0, t1-3, t2-0, t2-3, t2-6',
        't1-1, t1-4, t2-1, t2-4, t3-0',
        't1-2, t1-5, t2-2, t2-5, t3-1',
      ]);
    });

    it('aligns racks with two replicas per partition', () => {
      expectVector({ replicationFactor: 2, brokerRacks: racks(3), consumerRacks: racks(3) }, t1t2t3, consumerTopics, [
        't1-0, t1-2, t2-0, t2-2, t2-3, t3-1',
        't1-1, t1-3, t2-1, t2-4, t3-0',
        't1-4, t1-5, t2-5, t2-6',
      ]);
    });
  });

  describe('non-equal subscription, t1:6 t2:7 t3:2 (testRackAwareAssignmentWithNonEqualSubscription)', () => {
    const consumerTopics = [all3, all3, ['t1', 't3']];

    it.each([
      [1, racks(3), ['t1-0, t1-3, t2-0, t2-2, t2-3, t2-6', 't1-1, t1-4, t2-1, t2-4, t2-5, t3-0', 't1-2, t1-5, t3-1']],
      [2, racks(3), ['t1-0, t1-2, t2-0, t2-2, t2-3, t2-5, t3-1', 't1-1, t1-3, t2-1, t2-4, t2-6, t3-0', 't1-4, t1-5']],
      [3, racks(2), ['t1-0, t1-1, t2-0, t2-1, t2-2, t2-3, t3-0', 't1-2, t1-3, t2-4, t2-5, t2-6, t3-1', 't1-4, t1-5']],
    ])('replication factor %i on brokers %j', (replicationFactor, brokerRacks, expected) => {
      expectVector({ replicationFactor, brokerRacks, consumerRacks: racks(3) }, t1t2t3, consumerTopics, expected);
    });
  });

  describe('co-partitioned topics t1:5 t2:5 t3:5 (testRackAwareAssignmentWithUniformPartitions*)', () => {
    const topics = [['t1', 5], ['t2', 5], ['t3', 5]] as const;

    it.each([1, 2, 3])('keeps co-partitioning over rack alignment, replication factor %i', (replicationFactor) => {
      expectVector({ replicationFactor, brokerRacks: replicationFactor === 3 ? racks(2) : racks(3), consumerRacks: racks(3) }, topics, [all3, all3, all3], [
        't1-0, t1-1, t2-0, t2-1, t3-0, t3-1',
        't1-2, t1-3, t2-2, t2-3, t3-2, t3-3',
        't1-4, t2-4, t3-4',
      ]);
    });

    it.each([
      [1, racks(3), ['t1-0, t1-1, t2-0, t2-1, t2-4, t3-0, t3-1', 't1-2, t1-3, t2-2, t2-3, t3-2, t3-3', 't1-4, t3-4']],
      [2, racks(3), ['t1-2, t2-0, t2-1, t2-3, t3-2', 't1-0, t1-3, t2-2, t2-4, t3-0, t3-3', 't1-1, t1-4, t3-1, t3-4']],
      [3, racks(2), ['t1-0, t1-1, t2-0, t2-1, t2-2, t3-0, t3-1', 't1-2, t1-3, t2-3, t2-4, t3-2, t3-3', 't1-4, t3-4']],
    ])('co-partitions only topics with the same subscribers, replication factor %i', (replicationFactor, brokerRacks, expected) => {
      expectVector({ replicationFactor, brokerRacks, consumerRacks: racks(3) }, topics, [all3, all3, ['t1', 't3']], expected);
    });
  });

  describe('two co-partitioned pairs, t1:6 t2:6 t3:2 t4:2 (testRackAwareAssignmentWithCoPartitioning)', () => {
    const topics = [['t1', 6], ['t2', 6], ['t3', 2], ['t4', 2]] as const;
    const consumerRacks = ['a', 'b', 'b', 'a'];
    const all4 = ['t1', 't2', 't3', 't4'];

    it.each([
      [3, ['t1-0, t1-1, t1-2, t2-0, t2-1, t2-2', 't1-3, t1-4, t1-5, t2-3, t2-4, t2-5', 't3-0, t4-0', 't3-1, t4-1']],
      [2, ['t1-0, t1-1, t1-2, t2-0, t2-1, t2-2', 't1-3, t1-4, t1-5, t2-3, t2-4, t2-5', 't3-0, t4-0', 't3-1, t4-1']],
      [1, ['t1-0, t1-2, t1-4, t2-0, t2-2, t2-4', 't1-1, t1-3, t1-5, t2-1, t2-3, t2-5', 't3-1, t4-1', 't3-0, t4-0']],
    ])('pairs subscribed by different members, replication factor %i', (replicationFactor, expected) => {
      const consumerTopics = [['t1', 't2'], ['t1', 't2'], ['t3', 't4'], ['t3', 't4']];
      expectVector({ replicationFactor, brokerRacks: racks(2), consumerRacks }, topics, consumerTopics, expected);
    });

    it.each([
      [3, racks(2), ['t1-0, t1-1, t2-0, t2-1, t3-0, t4-0', 't1-2, t1-3, t2-2, t2-3, t3-1, t4-1', 't1-4, t2-4', 't1-5, t2-5']],
      [2, racks(2), ['t1-0, t1-1, t2-0, t2-1, t3-0, t4-0', 't1-2, t1-3, t2-2, t2-3, t3-1, t4-1', 't1-4, t2-4', 't1-5, t2-5']],
      [1, racks(2), ['t1-0, t1-2, t2-0, t2-2, t3-0, t4-0', 't1-1, t1-3, t2-1, t2-3, t3-1, t4-1', 't1-5, t2-5', 't1-4, t2-4']],
      [1, racks(3), ['t1-0, t1-3, t2-0, t2-3, t3-0, t4-0', 't1-1, t1-4, t2-1, t2-4, t3-1, t4-1', 't1-2, t2-2', 't1-5, t2-5']],
    ])('everyone on every topic, replication factor %i on brokers %j', (replicationFactor, brokerRacks, expected) => {
      expectVector({ replicationFactor, brokerRacks, consumerRacks }, topics, [all4, all4, all4, all4], expected);
    });
  });

  describe('three co-partitioned pairs and missing topics (testCoPartitionedAssignmentWithSameSubscription)', () => {
    const topics = [['t1', 6], ['t2', 6], ['t3', 2], ['t4', 2], ['t5', 4], ['t6', 4]] as const;
    const subscribed = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'];
    const consumerTopics = [subscribed, subscribed, subscribed];

    it('assigns as without racks when brokers have none', () => {
      expectVector({ replicationFactor: 3, brokerRacks: noRacks(3), consumerRacks: racks(3) }, topics, consumerTopics, [
        't1-0, t1-1, t2-0, t2-1, t3-0, t4-0, t5-0, t5-1, t6-0, t6-1',
        't1-2, t1-3, t2-2, t2-3, t3-1, t4-1, t5-2, t6-2',
        't1-4, t1-5, t2-4, t2-5, t5-3, t6-3',
      ]);
    });

    it('aligns each pair on racks with two replicas per partition', () => {
      expectVector({ replicationFactor: 2, brokerRacks: racks(3), consumerRacks: racks(3) }, topics, consumerTopics, [
        't1-0, t1-2, t2-0, t2-2, t3-0, t4-0, t5-1, t6-1',
        't1-1, t1-3, t2-1, t2-3, t3-1, t4-1, t5-2, t6-2',
        't1-4, t1-5, t2-4, t2-5, t5-0, t5-3, t6-0, t6-3',
      ]);
    });
  });
});
