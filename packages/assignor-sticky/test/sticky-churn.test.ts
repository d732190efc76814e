import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assignor, TopicMetadata } from '@kafka-assignors/core';
import { applyChurnEvent, churnArbitrary, GroupSimulator, runChurn, type ChurnEvent } from '@kafka-assignors/core/testing';
import { cooperativeStickyAssignor, minimumPartitionMoves, stickyAssignor } from '@kafka-assignors/assignor-sticky';
import { chainImbalances, localImbalances } from './support/balance.js';
import { settledGroup } from './support/group-view.js';
import { holders, partitionKeys } from './support/partition-keys.js';
import { lostClaims, previousOwners, tradedPartitions, type StickyProtocolName } from './support/previous-owners.js';
import { recording, type AssignCall } from './support/recording.js';
import { movesBackAndForth, settledState, type SettledState } from './support/settled-states.js';

/** Histories per property; each has up to 30 events, so every property sees well over 200 rounds. */
const HISTORIES = 150;
const MIN_ROUNDS = 200;
const TIMEOUT_MS = 60_000;
const TOPICS: readonly (readonly [string, TopicMetadata])[] = [
  ['orders', { partitionCount: 6 }],
  ['payments', { partitionCount: 3 }],
  ['audit', { partitionCount: 5 }],
];
/** Everyone subscribes to these in the equal-subscription histories. */
const SHARED_TOPICS = ['orders', 'payments', 'clicks'];

const protocols: { name: StickyProtocolName; create: () => Assignor }[] = [
  { name: 'sticky', create: stickyAssignor },
  { name: 'cooperative-sticky', create: cooperativeStickyAssignor },
];

/** Churn where every member subscribes to the same topics, which some events delete or grow. */
const equalSubscriptionChurn = churnArbitrary().map((events) =>
  events.filter((event) => event.kind !== 'change-subscription').map((event): ChurnEvent => (event.kind === 'join' ? { ...event, topics: SHARED_TOPICS } : event)),
);

interface History {
  readonly simulator: GroupSimulator;
  /** Every assign the leaders ran, in order. */
  readonly calls: AssignCall[];
}

function newHistory(createAssignor: () => Assignor): History {
  const calls: AssignCall[] = [];
  return { simulator: new GroupSimulator({ createAssignor: () => recording(createAssignor(), calls), topics: TOPICS }), calls };
}

describe.each(protocols)('$name through random churn (members join, leave, crash, expire and come back, change subscriptions; topics grow and go)', ({ name, create }) => {
  it('settles every change valid, complete and balanced', () => {
    let rounds = 0;
    fc.assert(
      fc.property(churnArbitrary(), (events) => {
        const { simulator } = newHistory(create);
        for (const event of events) {
          applyChurnEvent(simulator, event);
          const settled = simulator.settle();
          rounds += settled.length;
          for (const round of settled) expect(round.violations).toEqual([]);
          const last = settled.at(-1);
          if (last === undefined) continue;
          const { group, assignment } = settledGroup(simulator, last);
          const all = group.members.flatMap(({ subscription }) => subscription.topics);
          const expected = [...new Set(all)].reduce((total, topic) => total + (group.topics.get(topic)?.partitionCount ?? 0), 0);
          expect(holders(assignment).size).toBe(expected);
          expect(chainImbalances(group, assignment)).toEqual([]);
          expect(localImbalances(group, assignment)).toEqual([]);
        }
      }),
      { numRuns: HISTORIES },
    );
    expect(rounds).toBeGreaterThanOrEqual(MIN_ROUNDS);
  }, TIMEOUT_MS);

  it('with equal subscriptions, moves exactly the fewest partitions balance forces, in every round', () => {
    let rounds = 0;
    fc.assert(
      fc.property(equalSubscriptionChurn, (events) => {
        const { simulator, calls } = newHistory(create);
        runChurn(simulator, events);
        for (const { group, result } of calls) {
          rounds++;
          const previous = previousOwners(group, name);
          const claimCounts = group.members.map(({ memberId }) => [...previous.values()].filter((owner) => owner === memberId).length);
          const partitionCount = SHARED_TOPICS.reduce((total, topic) => total + (group.topics.get(topic)?.partitionCount ?? 0), 0);
          expect(lostClaims(previous, holders(result))).toBe(minimumPartitionMoves(claimCounts, partitionCount));
        }
      }),
      { numRuns: HISTORIES },
    );
    expect(rounds).toBeGreaterThanOrEqual(MIN_ROUNDS);
  }, TIMEOUT_MS);

  it('never trades partitions of a topic between two members in the same round (Java\'s stickiness check)', () => {
    let rounds = 0;
    fc.assert(
      fc.property(churnArbitrary(), (events) => {
        const { simulator, calls } = newHistory(create);
        runChurn(simulator, events);
        for (const { group, result } of calls) {
          rounds++;
          expect(tradedPartitions(previousOwners(group, name), holders(result))).toEqual([]);
        }
      }),
      { numRuns: HISTORIES },
    );
    expect(rounds).toBeGreaterThanOrEqual(MIN_ROUNDS);
  }, TIMEOUT_MS);

  it('with equal subscriptions and no topic deleted, never moves a partition from one member to another and back', () => {
    let rounds = 0;
    fc.assert(
      fc.property(equalSubscriptionChurn.map((events) => events.filter((event) => event.kind !== 'delete-topic')), (events) => {
        const { simulator } = newHistory(create);
        const states: SettledState[] = [];
        for (const event of events) {
          applyChurnEvent(simulator, event);
          const last = simulator.settle().at(-1);
          if (last === undefined) continue;
          rounds++;
          states.push(settledState(last, (member) => simulator.context(member).topics));
          const [before, middle, after] = states.slice(-3);
          if (before !== undefined && middle !== undefined && after !== undefined) expect(movesBackAndForth(before, middle, after)).toEqual([]);
        }
      }),
      { numRuns: HISTORIES },
    );
    expect(rounds).toBeGreaterThanOrEqual(MIN_ROUNDS);
  }, TIMEOUT_MS);
});

describe('cooperative-sticky through random churn', () => {
  it('never hands a partition to a new owner while another member still reports it, and settles within two rounds', () => {
    let rounds = 0;
    fc.assert(
      fc.property(churnArbitrary(), (events) => {
        const { simulator, calls } = newHistory(cooperativeStickyAssignor);
        for (const event of events) {
          applyChurnEvent(simulator, event);
          expect(simulator.settle().length).toBeLessThanOrEqual(2);
        }
        for (const { group, result } of calls) {
          rounds++;
          const reporters = new Map<string, string[]>();
          for (const { memberId, subscription } of group.members) {
            for (const key of partitionKeys(subscription.ownedPartitions)) reporters.set(key, [...(reporters.get(key) ?? []), memberId]);
          }
          for (const [key, receiver] of holders(result)) {
            const reported = reporters.get(key) ?? [];
            if (!reported.includes(receiver)) expect(reported, `${key} handed to ${receiver}`).toEqual([]);
          }
        }
      }),
      { numRuns: HISTORIES },
    );
    expect(rounds).toBeGreaterThanOrEqual(MIN_ROUNDS);
  }, TIMEOUT_MS);
});
