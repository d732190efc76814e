import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assignor } from '@kafka-assignors/core';
import { applyChurnEvent, type ChurnEvent } from '../../src/simulator/churn-event.js';
import { churnArbitrary } from '../../src/simulator/churn-arbitrary.js';
import { GroupSimulator } from '../../src/simulator/group-simulator.js';
import type { RebalanceRound } from '../../src/simulator/rebalance-round.js';
import { runChurn } from '../../src/simulator/run-churn.js';
import { cooperativeRoundRobinAssignor } from '../support/cooperative-round-robin-assignor.js';
import { perTopicRoundRobinAssignor } from '../support/per-topic-round-robin-assignor.js';

const RUNS = 1000;

function newSimulator(createAssignor: () => Assignor): GroupSimulator {
  return new GroupSimulator({
    createAssignor,
    topics: [
      ['orders', { partitionCount: 6 }],
      ['payments', { partitionCount: 3, replicaRacks: [['rack-a'], ['rack-b'], ['rack-c']] }],
    ],
  });
}

/** Existing partitions of subscribed topics that the round left to nobody. */
function unassignedPartitions(simulator: GroupSimulator, round: RebalanceRound): string[] {
  const held = new Set(round.members.flatMap((member) => member.partitions.flatMap(({ topic, partitions }) => partitions.map((p) => `${topic}-${p}`))));
  const subscribed = new Set(simulator.memberNames.flatMap((name) => simulator.context(name).topics));
  return [...subscribed].flatMap((topic) =>
    Array.from({ length: simulator.topics.get(topic)?.partitionCount ?? 0 }, (_, p) => `${topic}-${p}`).filter((partition) => !held.has(partition)),
  );
}

describe.each([
  { protocol: 'eager', createAssignor: perTopicRoundRobinAssignor },
  { protocol: 'cooperative', createAssignor: cooperativeRoundRobinAssignor },
])('churn with the $protocol reference assignor', ({ createAssignor }) => {
  it(`keeps every round valid and every settled group complete, over ${RUNS} random histories`, () => {
    let rounds = 0;
    fc.assert(
      fc.property(churnArbitrary(), (events) => {
        const simulator = newSimulator(createAssignor);
        for (const event of events) {
          applyChurnEvent(simulator, event);
          const settled = simulator.settle();
          rounds += settled.length;
          for (const round of settled) {
            expect(round.violations).toEqual([]);
            expect(round.decodeFailures).toEqual([]);
          }
          const last = settled.at(-1);
          if (last !== undefined) expect(unassignedPartitions(simulator, last)).toEqual([]);
        }
      }),
      { numRuns: RUNS },
    );
    expect(rounds).toBeGreaterThanOrEqual(200);
  });

  it('gives the same rounds for the same history', () => {
    fc.assert(
      fc.property(churnArbitrary(), (events) => {
        expect(runChurn(newSimulator(createAssignor), events)).toEqual(runChurn(newSimulator(createAssignor), events));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('churn events', () => {
  it('name joining processes after the join count, and make static ones use their name as instance id', () => {
    const simulator = newSimulator(perTopicRoundRobinAssignor);
    simulator.join('first', { topics: ['orders'] });
    const rounds = runChurn(simulator, [{ kind: 'join', topics: ['orders'], rackId: 'rack-b', isStatic: true }]);
    expect(rounds.at(-1)?.members.map((member) => member.memberId)).toEqual(['first-1', 'churn-1-2']);
    expect(simulator.memberNames).toEqual(['first', 'churn-1']);
  });

  it('pick members and zombies modulo their number, and do nothing when there is nobody to pick', () => {
    const simulator = newSimulator(perTopicRoundRobinAssignor);
    const nobody: ChurnEvent[] = [
      { kind: 'leave', member: 3 },
      { kind: 'crash', member: 0 },
      { kind: 'expire', member: 1 },
      { kind: 'zombie-rejoin', zombie: 2 },
      { kind: 'change-subscription', member: 5, topics: ['orders'] },
    ];
    expect(runChurn(simulator, nobody)).toEqual([]);

    simulator.join('a', { topics: ['orders'] });
    simulator.join('b', { topics: ['orders'] });
    runChurn(simulator, [{ kind: 'expire', member: 3 }]);
    expect(simulator.memberNames).toEqual(['a']);
    expect(simulator.zombieNames).toEqual(['b']);
    runChurn(simulator, [{ kind: 'zombie-rejoin', zombie: 7 }]);
    expect(simulator.memberNames).toEqual(['a', 'b']);
  });

  it('grow topics, keeping known replica racks, create missing ones, and delete them', () => {
    const simulator = newSimulator(perTopicRoundRobinAssignor);
    runChurn(simulator, [
      { kind: 'add-partitions', topic: 'payments', count: 2 },
      { kind: 'add-partitions', topic: 'audit', count: 1 },
      { kind: 'delete-topic', topic: 'orders' },
    ]);
    expect([...simulator.topics]).toEqual([
      ['payments', { partitionCount: 5, replicaRacks: [['rack-a'], ['rack-b'], ['rack-c'], [], []] }],
      ['audit', { partitionCount: 1 }],
    ]);
  });

  it('come in every kind', () => {
    const kinds = fc.sample(churnArbitrary(), { numRuns: 200, seed: 11 }).flat().map((event) => event.kind);
    expect(new Set(kinds)).toEqual(
      new Set(['join', 'leave', 'crash', 'expire', 'zombie-rejoin', 'change-subscription', 'add-partitions', 'delete-topic']),
    );
  });
});
