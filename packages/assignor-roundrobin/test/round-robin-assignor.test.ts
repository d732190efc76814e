import { describe, expect, it } from 'vitest';
import { assignmentJson, readScenario, scenarioGroup, type Scenario } from '@kafka-assignors/core/scenario';
import { roundRobinAssignor } from '@kafka-assignors/assignor-roundrobin';

function assign(scenario: Scenario) {
  const group = scenarioGroup(scenario, () => roundRobinAssignor());
  const result = roundRobinAssignor().assign(group);
  return assignmentJson(scenario.members.map((m) => m.memberId), result).assignment;
}

describe('roundRobinAssignor', () => {
  it('deals partitions of sorted topics in one circle (the Java javadoc example)', () => {
    const scenario = readScenario({
      topics: [{ name: 't1', partitions: 3 }, { name: 't0', partitions: 3 }],
      members: [{ memberId: 'C1', topics: ['t1', 't0'] }, { memberId: 'C0', topics: ['t0', 't1'] }],
    });
    expect(assign(scenario)).toEqual({
      C0: [{ topic: 't0', partitions: [0, 2] }, { topic: 't1', partitions: [1] }],
      C1: [{ topic: 't0', partitions: [1] }, { topic: 't1', partitions: [0, 2] }],
    });
  });

  it('skips members not subscribed to a topic without resetting the cursor (Java test example)', () => {
    const scenario = readScenario({
      topics: [{ name: 'topic1', partitions: 3 }, { name: 'topic2', partitions: 2 }],
      members: [
        { memberId: 'c1', topics: ['topic1'] },
        { memberId: 'c2', topics: ['topic1', 'topic2'] },
        { memberId: 'c3', topics: ['topic1'] },
      ],
    });
    expect(assign(scenario)).toEqual({
      c1: [{ topic: 'topic1', partitions: [0] }],
      c2: [{ topic: 'topic1', partitions: [1] }, { topic: 'topic2', partitions: [0, 1] }],
      c3: [{ topic: 'topic1', partitions: [2] }],
    });
  });

  it('orders static members by instance id, ahead of dynamic members', () => {
    const scenario = readScenario({
      topics: [{ name: 't', partitions: 3 }],
      members: [
        { memberId: 'a-dynamic', topics: ['t'] },
        { memberId: 'z', groupInstanceId: 'instance-2', topics: ['t'] },
        { memberId: 'y', groupInstanceId: 'instance-1', topics: ['t'] },
      ],
    });
    expect(assign(scenario)).toEqual({
      'a-dynamic': [{ topic: 't', partitions: [2] }],
      z: [{ topic: 't', partitions: [1] }],
      y: [{ topic: 't', partitions: [0] }],
    });
  });

  it('gives every member an entry and skips topics without metadata', () => {
    const scenario = readScenario({
      topics: [{ name: 't', partitions: 1 }],
      members: [{ memberId: 'a', topics: ['t', 'deleted'] }, { memberId: 'b', topics: ['deleted'] }],
    });
    expect(assign(scenario)).toEqual({ a: [{ topic: 't', partitions: [0] }], b: [] });
  });
});
