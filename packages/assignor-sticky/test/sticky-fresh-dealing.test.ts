import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cooperativeStickyAssignor, stickyAssignor } from '@kafka-assignors/assignor-sticky';
import { assignScenario } from './support/scenario-assignment.js';

const RUNS = 1000;

/** A fresh group without racks where every member subscribes to the same topics, listed in its own order, some missing from the cluster. */
const freshEqualGroup = fc
  .record({
    topics: fc.uniqueArray(fc.record({ name: fc.stringMatching(/^[a-z]{1,3}$/), partitions: fc.integer({ min: 1, max: 12 }) }), { selector: ({ name }) => name, minLength: 1, maxLength: 5 }),
    memberIds: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
    missing: fc.boolean(),
    seed: fc.integer(),
  })
  .map(({ topics, memberIds, missing, seed }) => {
    const listed = [...topics.map(({ name }) => name), ...(missing ? ['not-a-topic'] : [])];
    return {
      topics,
      members: memberIds.map((memberId, index) => ({ memberId, topics: rotate(listed, seed + index) })),
    };
  });

function rotate<T>(items: readonly T[], by: number): T[] {
  const shift = ((by % items.length) + items.length) % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

/** Partition p in (topic name, partition) order to member p mod N in member-id order, entries by topic name. */
function dealtInTurn(topics: readonly { name: string; partitions: number }[], memberIds: readonly string[]): Record<string, { topic: string; partitions: number[] }[]> {
  const members = [...memberIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const result: Record<string, { topic: string; partitions: number[] }[]> = Object.fromEntries(members.map((member) => [member, []]));
  let next = 0;
  for (const { name, partitions } of [...topics].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    for (let partition = 0; partition < partitions; partition++) {
      const entries = result[members[next++ % members.length]!]!;
      const last = entries.at(-1);
      if (last?.topic === name) last.partitions.push(partition);
      else entries.push({ topic: name, partitions: [partition] });
    }
  }
  return result;
}

describe('a fresh group with equal subscriptions and no racks', () => {
  for (const [name, createAssignor] of [['sticky', stickyAssignor], ['cooperative-sticky', cooperativeStickyAssignor]] as const) {
    it(`${name} deals partition p, in topic and partition order, to member p mod N, in member-id order (${RUNS} groups)`, () => {
      fc.assert(
        fc.property(freshEqualGroup, (scenario) => {
          const { assignment } = assignScenario(createAssignor, scenario);
          expect(assignment).toEqual(dealtInTurn(scenario.topics, scenario.members.map(({ memberId }) => memberId)));
        }),
        { numRuns: RUNS },
      );
    });
  }
});
