import { describe, expect, it } from 'vitest';
import type { MemberContext } from '@kafka-assignors/core';
import { decodeStickyUserData, encodeStickyUserData, stickyAssignor } from '@kafka-assignors/assignor-sticky';
import { assignScenario } from './support/scenario-assignment.js';

const assign = (scenario: Parameters<typeof assignScenario>[1]) => assignScenario(stickyAssignor, scenario).assignment;

describe('stickyAssignor', () => {
  it('speaks the Java client\'s `sticky` protocol, eagerly', () => {
    expect(stickyAssignor()).toMatchObject({ name: 'sticky', rebalanceProtocols: ['eager'] });
  });

  it('sends no user data before the first assignment, then the assignment and its generation in version 1', () => {
    const assignor = stickyAssignor();
    const subscriptionUserData = (member: MemberContext) => assignor.subscriptionUserData?.(member) ?? null;
    expect(subscriptionUserData({ memberId: null, generationId: -1, assignment: [], topics: ['a'] })).toBeNull();
    const bytes = subscriptionUserData({ memberId: 'm-1', generationId: 4, assignment: [{ topic: 'a', partitions: [2, 0] }], topics: ['a'] });
    expect(decodeStickyUserData(bytes)).toEqual({ partitions: [{ topic: 'a', partitions: [0, 2] }], generation: 4 });
    expect(decodeStickyUserData(subscriptionUserData({ memberId: 'm-1', generationId: 7, assignment: [], topics: ['a'] }))).toEqual({ partitions: [], generation: 7 });
  });

  it('deals a fresh group round-robin in topic and partition order, so that each topic spreads', () => {
    expect(
      assign({
        topics: [{ name: 't0', partitions: 4 }, { name: 't1', partitions: 2 }],
        members: ['c1', 'c2', 'c3'].map((memberId) => ({ memberId, topics: ['t0', 't1'] })),
      }),
    ).toEqual({
      c1: [{ topic: 't0', partitions: [0, 3] }],
      c2: [{ topic: 't0', partitions: [1] }, { topic: 't1', partitions: [0] }],
      c3: [{ topic: 't0', partitions: [2] }, { topic: 't1', partitions: [1] }],
    });
  });

  it('keeps what members held, up to their quota, the lowest partition numbers first across topics', () => {
    expect(
      assign({
        topics: [{ name: 'a', partitions: 3 }, { name: 'b', partitions: 3 }],
        members: [
          { memberId: 'c1', topics: ['a', 'b'], owned: [{ topic: 'a', partitions: [0, 1, 2] }, { topic: 'b', partitions: [0, 1, 2] }], generationId: 3 },
          { memberId: 'c2', topics: ['a', 'b'] },
        ],
      }),
    ).toEqual({
      c1: [{ topic: 'a', partitions: [0, 1] }, { topic: 'b', partitions: [0] }],
      c2: [{ topic: 'a', partitions: [2] }, { topic: 'b', partitions: [1, 2] }],
    });
  });

  it('gives the larger quotas to the members that claim the most, which keeps the most', () => {
    // 7 partitions for 3 members: quotas 3, 2, 2. c3 claims 3 and keeps them; c1 and c2 keep 2 each.
    const owned = (partitions: number[]) => [{ topic: 't', partitions }];
    expect(
      assign({
        topics: [{ name: 't', partitions: 7 }],
        members: [
          { memberId: 'c1', topics: ['t'], owned: owned([0, 1]), generationId: 1 },
          { memberId: 'c2', topics: ['t'], owned: owned([2]), generationId: 1 },
          { memberId: 'c3', topics: ['t'], owned: owned([3, 4, 5]), generationId: 1 },
        ],
      }),
    ).toEqual({ c1: owned([0, 1]), c2: owned([2, 6]), c3: owned([3, 4, 5]) });
  });

  it('lets nobody keep a partition two members claim in the same generation (the Java client\'s example)', () => {
    expect(
      assign({
        topics: [{ name: 'topic', partitions: 3 }],
        members: [
          { memberId: 'c1', topics: ['topic'], owned: [{ topic: 'topic', partitions: [0, 1] }], generationId: 1 },
          { memberId: 'c2', topics: ['topic'], owned: [{ topic: 'topic', partitions: [0, 2] }], generationId: 1 },
          { memberId: 'c3', topics: ['topic'] },
        ],
      }),
    ).toEqual({ c1: [{ topic: 'topic', partitions: [1] }], c2: [{ topic: 'topic', partitions: [2] }], c3: [{ topic: 'topic', partitions: [0] }] });
  });

  it('gives a partition claimed twice to the claimant of the higher generation', () => {
    // t-0: c1 (10) over c3 (8); t-1: c1 (10) over c2 (9); t-2: c2 (9) over c3 (8). c1 then has one too many.
    expect(
      assign({
        topics: [{ name: 't', partitions: 3 }],
        members: [
          { memberId: 'c1', topics: ['t'], owned: [{ topic: 't', partitions: [0, 1] }], generationId: 10 },
          { memberId: 'c2', topics: ['t'], owned: [{ topic: 't', partitions: [1, 2] }], generationId: 9 },
          { memberId: 'c3', topics: ['t'], owned: [{ topic: 't', partitions: [2, 0] }], generationId: 8 },
        ],
      }),
    ).toEqual({ c1: [{ topic: 't', partitions: [0] }], c2: [{ topic: 't', partitions: [2] }], c3: [{ topic: 't', partitions: [1] }] });
  });

  it('reads version 0 user data from old Java members as the lowest generation', () => {
    const versionZero = encodeStickyUserData([{ topic: 't', partitions: [0, 1] }], 0).subarray(0, -4);
    expect(
      assign({
        topics: [{ name: 't', partitions: 2 }],
        members: [
          { memberId: 'old', topics: ['t'], userData: versionZero },
          { memberId: 'new', topics: ['t'], owned: [{ topic: 't', partitions: [0] }], generationId: 0 },
        ],
      }),
    ).toEqual({ new: [{ topic: 't', partitions: [0] }], old: [{ topic: 't', partitions: [1] }] });
  });

  it('drops claims of deleted topics, of topics no longer subscribed, and past the partition count', () => {
    expect(
      assign({
        topics: [{ name: 'a', partitions: 2 }, { name: 'b', partitions: 2 }],
        members: [
          {
            memberId: 'c1',
            topics: ['a'],
            owned: [{ topic: 'a', partitions: [1, 5, -1] }, { topic: 'b', partitions: [0, 1] }, { topic: 'gone', partitions: [0] }],
            generationId: 2,
          },
          { memberId: 'c2', topics: ['a', 'b'] },
        ],
      }),
    ).toEqual({ c1: [{ topic: 'a', partitions: [0, 1] }], c2: [{ topic: 'b', partitions: [0, 1] }] });
  });

  it('takes in partitions added to a topic without moving the old ones', () => {
    expect(
      assign({
        topics: [{ name: 't', partitions: 6 }],
        members: [
          { memberId: 'c1', topics: ['t'], owned: [{ topic: 't', partitions: [0, 1] }], generationId: 4 },
          { memberId: 'c2', topics: ['t'], owned: [{ topic: 't', partitions: [2, 3] }], generationId: 4 },
        ],
      }),
    ).toEqual({ c1: [{ topic: 't', partitions: [0, 1, 4] }], c2: [{ topic: 't', partitions: [2, 3, 5] }] });
  });

  it('treats a member whose user data cannot be read as holding nothing', () => {
    expect(
      assign({
        topics: [{ name: 't', partitions: 2 }],
        members: [
          { memberId: 'c1', topics: ['t'], userData: Uint8Array.of(0xff, 0xff, 0xff, 0xff) },
          { memberId: 'c2', topics: ['t'], owned: [{ topic: 't', partitions: [0, 1] }], generationId: 1 },
        ],
      }),
    ).toEqual({ c1: [{ topic: 't', partitions: [1] }], c2: [{ topic: 't', partitions: [0] }] });
  });

  it('evens out chains of unequal subscriptions that the Java client leaves at 4, 3 and 2', () => {
    // A {t1}, B {t1, t2}, C {t2}: A gives a t1 partition to B, which gives a t2 partition to C.
    const result = assign({
      topics: [{ name: 't1', partitions: 6 }, { name: 't2', partitions: 3 }],
      members: [
        { memberId: 'A', topics: ['t1'], owned: [{ topic: 't1', partitions: [0, 1, 2, 3] }], generationId: 1 },
        { memberId: 'B', topics: ['t1', 't2'], owned: [{ topic: 't1', partitions: [4, 5] }, { topic: 't2', partitions: [0] }], generationId: 1 },
        { memberId: 'C', topics: ['t2'], owned: [{ topic: 't2', partitions: [1, 2] }], generationId: 1 },
      ],
    });
    expect(result).toEqual({
      A: [{ topic: 't1', partitions: [0, 1, 2] }],
      B: [{ topic: 't1', partitions: [3, 4, 5] }],
      C: [{ topic: 't2', partitions: [0, 1, 2] }],
    });
  });

  it('keeps every claim of unequal subscriptions when a balanced assignment can', () => {
    const scenario = {
      topics: [{ name: 'big', partitions: 8 }, { name: 'small', partitions: 2 }],
      members: [
        { memberId: 'A', topics: ['big'], owned: [{ topic: 'big', partitions: [0, 1, 2] }], generationId: 5 },
        { memberId: 'B', topics: ['big', 'small'], owned: [{ topic: 'big', partitions: [3, 4] }, { topic: 'small', partitions: [0] }], generationId: 5 },
        { memberId: 'C', topics: ['big', 'small'], owned: [{ topic: 'big', partitions: [5, 6] }], generationId: 5 },
      ],
    };
    // 4, 3, 3 is as even as 10 partitions go: A takes the free big-7, C the free small-1, nobody loses a claim.
    expect(assign(scenario)).toEqual({
      A: [{ topic: 'big', partitions: [0, 1, 2, 7] }],
      B: [{ topic: 'big', partitions: [3, 4] }, { topic: 'small', partitions: [0] }],
      C: [{ topic: 'big', partitions: [5, 6] }, { topic: 'small', partitions: [1] }],
    });
  });

  it('gives every member an entry, empty when it subscribes to nothing that exists', () => {
    expect(
      assign({
        topics: [{ name: 't', partitions: 1 }],
        members: [
          { memberId: 'c1', topics: ['t'] },
          { memberId: 'c2', topics: ['missing'] },
          { memberId: 'c3', topics: [] },
        ],
      }),
    ).toEqual({ c1: [{ topic: 't', partitions: [0] }], c2: [], c3: [] });
  });
});
