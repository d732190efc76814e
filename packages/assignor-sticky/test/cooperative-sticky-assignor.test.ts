import { describe, expect, it } from 'vitest';
import type { MemberContext } from '@kafka-assignors/core';
import { GroupSimulator } from '@kafka-assignors/core/testing';
import { cooperativeStickyAssignor, decodeCooperativeStickyUserData, encodeCooperativeStickyUserData } from '@kafka-assignors/assignor-sticky';
import { partitionKeys } from './support/partition-keys.js';
import { assignScenario } from './support/scenario-assignment.js';

const assign = (scenario: Parameters<typeof assignScenario>[1]) => assignScenario(cooperativeStickyAssignor, scenario).assignment;

describe('cooperativeStickyAssignor', () => {
  it('speaks the Java client\'s `cooperative-sticky` protocol, cooperatively and eagerly', () => {
    expect(cooperativeStickyAssignor()).toMatchObject({ name: 'cooperative-sticky', rebalanceProtocols: ['cooperative', 'eager'] });
  });

  it('sends its generation as user data, -1 before the first rebalance', () => {
    const assignor = cooperativeStickyAssignor();
    const generationSent = (member: MemberContext) => decodeCooperativeStickyUserData(assignor.subscriptionUserData?.(member) ?? null);
    expect(generationSent({ memberId: null, generationId: -1, assignment: [], topics: ['a'] })).toBe(-1);
    expect(generationSent({ memberId: 'm', generationId: 12, assignment: [], topics: ['a'] })).toBe(12);
  });

  it('withholds a partition moving to a new owner while its previous owner still reports it', () => {
    expect(
      assign({
        topics: [{ name: 't', partitions: 4 }],
        members: [
          { memberId: 'c1', topics: ['t'], owned: [{ topic: 't', partitions: [0, 1, 2, 3] }], generationId: 3 },
          { memberId: 'c2', topics: ['t'] },
        ],
      }),
    ).toEqual({ c1: [{ topic: 't', partitions: [0, 1] }], c2: [] });
  });

  it('assigns at once what nobody reports any more', () => {
    expect(
      assign({
        topics: [{ name: 't', partitions: 4 }],
        members: [
          { memberId: 'c1', topics: ['t'], owned: [{ topic: 't', partitions: [0, 1] }], generationId: 4 },
          { memberId: 'c2', topics: ['t'] },
        ],
      }),
    ).toEqual({ c1: [{ topic: 't', partitions: [0, 1] }], c2: [{ topic: 't', partitions: [2, 3] }] });
  });

  it('withholds a partition two members report in the same generation until both let go (the Java client\'s example)', () => {
    expect(
      assign({
        topics: [{ name: 'topic', partitions: 3 }],
        members: [
          { memberId: 'c1', topics: ['topic'], owned: [{ topic: 'topic', partitions: [0, 1] }], generationId: 1 },
          { memberId: 'c2', topics: ['topic'], owned: [{ topic: 'topic', partitions: [0, 2] }], generationId: 1 },
          { memberId: 'c3', topics: ['topic'] },
        ],
      }),
    ).toEqual({ c1: [{ topic: 'topic', partitions: [1] }], c2: [{ topic: 'topic', partitions: [2] }], c3: [] });
  });

  it('keeps a partition with the claimant of the higher generation, and withholds it from anyone else', () => {
    expect(
      assign({
        topics: [{ name: 't', partitions: 3 }],
        members: [
          { memberId: 'c1', topics: ['t'], owned: [{ topic: 't', partitions: [0, 1] }], generationId: 10 },
          { memberId: 'c2', topics: ['t'], owned: [{ topic: 't', partitions: [1, 2] }], generationId: 9 },
          { memberId: 'c3', topics: ['t'], owned: [{ topic: 't', partitions: [2, 0] }], generationId: 8 },
        ],
      }),
    ).toEqual({ c1: [{ topic: 't', partitions: [0] }], c2: [{ topic: 't', partitions: [2] }], c3: [] });
  });

  it('reads the generation from the user data when the subscription has none (consumer-protocol v1)', () => {
    const { group, assignment } = assignScenario(cooperativeStickyAssignor, {
      topics: [{ name: 't', partitions: 2 }],
      members: [
        { memberId: 'c1', topics: ['t'], owned: [{ topic: 't', partitions: [0] }], userData: encodeCooperativeStickyUserData(7) },
        { memberId: 'c2', topics: ['t'], owned: [{ topic: 't', partitions: [0, 1] }], generationId: 5 },
      ],
    });
    expect(group.members.map(({ subscription }) => subscription.generationId)).toEqual([-1, 5]);
    // c1's generation 7 beats c2's 5 for t-0; t-1 stays with c2.
    expect(assignment).toEqual({ c1: [{ topic: 't', partitions: [0] }], c2: [{ topic: 't', partitions: [1] }] });
  });

  it('withholds what a member still reports of a topic it no longer subscribes to', () => {
    expect(
      assign({
        topics: [{ name: 'a', partitions: 1 }, { name: 'b', partitions: 1 }],
        members: [
          { memberId: 'c1', topics: ['a'], owned: [{ topic: 'a', partitions: [0] }, { topic: 'b', partitions: [0] }], generationId: 2 },
          { memberId: 'c2', topics: ['b'] },
        ],
      }),
    ).toEqual({ c1: [{ topic: 'a', partitions: [0] }], c2: [] });
  });

  it('hands a partition over in two rounds in a live group, and nothing moves in the third', () => {
    const simulator = new GroupSimulator({ createAssignor: () => cooperativeStickyAssignor(), topics: [['t', { partitionCount: 4 }]] });
    simulator.join('first', { topics: ['t'] });
    simulator.settle();
    simulator.join('second', { topics: ['t'] });
    const rounds = simulator.settle();
    expect(rounds.map(({ members }) => members.map(({ name, partitions }) => [name, partitionKeys(partitions)]))).toEqual([
      [['first', ['t/0', 't/1']], ['second', []]],
      [['first', ['t/0', 't/1']], ['second', ['t/2', 't/3']]],
    ]);
    expect(simulator.rebalanceNeeded).toBe(false);
  });
});
