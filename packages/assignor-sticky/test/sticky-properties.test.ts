import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAssignorConformance, joiningGroupArbitrary, leaderView, type JoiningGroup } from '@kafka-assignors/core/testing';
import { validateAssignment, type Group, type GroupAssignment } from '@kafka-assignors/core';
import { cooperativeStickyAssignor, minimumPartitionMoves, stickyAssignor } from '@kafka-assignors/assignor-sticky';
import { chainImbalances, localImbalances } from './support/balance.js';
import { largeGroupArbitrary } from './support/large-group-arbitrary.js';
import { holders, partitionKey, partitionKeys } from './support/partition-keys.js';
import { lostClaims, previousOwners } from './support/previous-owners.js';
import { rackMatch } from './support/rack-match.js';

const RUNS = 1000;
/** Larger groups, where the bulk flow and longer steal paths come into play. */
const LARGE_GROUP_RUNS = 200;
/** The conformance kit tries 1,000 groups for each of its six invariants. */
const CONFORMANCE_TIMEOUT_MS = 60_000;

/** The existing topics each member subscribes to, as one sorted key. */
function existingTopicsKey(group: Group, memberIndex: number): string {
  const member = group.members[memberIndex];
  return [...new Set(member?.subscription.topics.filter((topic) => group.topics.has(topic)))].sort().join();
}

function hasEqualSubscriptions(group: Group): boolean {
  return group.members.every((_, index) => existingTopicsKey(group, index) === existingTopicsKey(group, 0));
}

/** Every existing partition of a topic some member subscribes to. */
function subscribedPartitions(group: Group): string[] {
  const topics = new Set(group.members.flatMap(({ subscription }) => subscription.topics));
  return [...topics].flatMap((topic) => Array.from({ length: group.topics.get(topic)?.partitionCount ?? 0 }, (_, partition) => partitionKey(topic, partition)));
}

/** The assignment, fed back as every member's previous assignment one generation later. */
function nextRound(joining: JoiningGroup, assignment: GroupAssignment): JoiningGroup {
  return {
    topics: joining.topics,
    members: joining.members.map(({ memberId, groupInstanceId, rackId, context }) => ({
      memberId,
      groupInstanceId,
      rackId,
      context: { memberId, generationId: 100, assignment: assignment.get(memberId)?.partitions ?? [], topics: context.topics },
    })),
  };
}

describe('stickyAssignor and cooperativeStickyAssignor, on any group', () => {
  it(`sticky keeps every invariant of the conformance kit, assigning every partition (${RUNS} groups per invariant)`, () => {
    expect(() => checkAssignorConformance(() => stickyAssignor(), { requireAllPartitions: true, numRuns: RUNS })).not.toThrow();
  }, CONFORMANCE_TIMEOUT_MS);

  it(`cooperative-sticky keeps every invariant of the conformance kit (${RUNS} groups per invariant)`, () => {
    expect(() => checkAssignorConformance(() => cooperativeStickyAssignor(), { numRuns: RUNS })).not.toThrow();
  }, CONFORMANCE_TIMEOUT_MS);

  it('balance: no chain of takes leads from a member to one with two more partitions, so no single take does either', () => {
    fc.assert(
      fc.property(joiningGroupArbitrary(), (joining) => {
        const group = leaderView(joining, stickyAssignor());
        const assignment = stickyAssignor().assign(group);
        expect(chainImbalances(group, assignment)).toEqual([]);
        expect(localImbalances(group, assignment)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('equal subscriptions: breaks exactly the fewest previous claims that balance forces (minimumPartitionMoves), of those on the member\'s rack where racks apply', () => {
    let checked = 0;
    fc.assert(
      fc.property(joiningGroupArbitrary(), fc.constantFrom(stickyAssignor, cooperativeStickyAssignor), (joining, createAssignor) => {
        const group = leaderView(joining, createAssignor());
        if (!hasEqualSubscriptions(group)) return;
        checked++;
        const matches = rackMatch(group);
        const claims = previousOwners(group, createAssignor().name === 'sticky' ? 'sticky' : 'cooperative-sticky');
        const previous = new Map([...claims].filter(([key, memberId]) => matches?.(memberId, key) ?? true));
        const assignment = createAssignor().assign(group);
        const claimCounts = group.members.map(({ memberId }) => [...previous.values()].filter((owner) => owner === memberId).length);
        const partitionCount = [...new Set(group.members[0]?.subscription.topics)].reduce((total, topic) => total + (group.topics.get(topic)?.partitionCount ?? 0), 0);
        expect(lostClaims(previous, holders(assignment))).toBe(minimumPartitionMoves(claimCounts, partitionCount));
      }),
      { numRuns: 2 * RUNS },
    );
    expect(checked).toBeGreaterThan(RUNS / 4);
  });

  it('gives back the same assignment when every member reports what it received, with equal or unequal subscriptions (equal ones only where racks apply)', () => {
    fc.assert(
      fc.property(joiningGroupArbitrary(), fc.constantFrom(stickyAssignor, cooperativeStickyAssignor), (joining, createAssignor) => {
        const group = leaderView(joining, stickyAssignor());
        if (rackMatch(group) !== null && !hasEqualSubscriptions(group)) return;
        const first = stickyAssignor().assign(group);
        const again = createAssignor().assign(leaderView(nextRound(joining, first), createAssignor()));
        expect(holders(again)).toEqual(holders(first));
      }),
      { numRuns: RUNS },
    );
  });

  it('cooperative: leaves a partition unassigned only while a member still reports it, and never gives it to a new owner then', () => {
    fc.assert(
      fc.property(joiningGroupArbitrary(), (joining) => {
        const group = leaderView(joining, cooperativeStickyAssignor());
        const assignment = cooperativeStickyAssignor().assign(group);
        const reporters = new Map<string, Set<string>>();
        for (const { memberId, subscription } of group.members) {
          for (const key of partitionKeys(subscription.ownedPartitions)) reporters.set(key, (reporters.get(key) ?? new Set()).add(memberId));
        }
        const given = holders(assignment);
        for (const [key, memberId] of given) {
          const others = [...(reporters.get(key) ?? [])].filter((reporter) => reporter !== memberId);
          if (!(reporters.get(key)?.has(memberId) ?? false)) expect(others, `${key} given to ${memberId}`).toEqual([]);
        }
        for (const key of subscribedPartitions(group)) if (!given.has(key)) expect(reporters.get(key)?.size ?? 0, `${key} withheld`).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('groups of 10 to 60 members: valid, balanced along chains, and given back unchanged', () => {
    fc.assert(
      fc.property(largeGroupArbitrary(), (joining) => {
        const group = leaderView(joining, stickyAssignor());
        const assignment = stickyAssignor().assign(group);
        expect(validateAssignment(group, assignment, { requireAllPartitions: true })).toEqual([]);
        expect(chainImbalances(group, assignment)).toEqual([]);
        const again = stickyAssignor().assign(leaderView(nextRound(joining, assignment), stickyAssignor()));
        expect(holders(again)).toEqual(holders(assignment));
      }),
      { numRuns: LARGE_GROUP_RUNS },
    );
  }, CONFORMANCE_TIMEOUT_MS);

  it('groups of 10 to 60 members, cooperatively: the round after the hand-over assigns everything, balanced, and moves nothing', () => {
    fc.assert(
      fc.property(largeGroupArbitrary(), (joining) => {
        const first = cooperativeStickyAssignor().assign(leaderView(joining, cooperativeStickyAssignor()));
        const next = leaderView(nextRound(joining, first), cooperativeStickyAssignor());
        const second = cooperativeStickyAssignor().assign(next);
        expect(validateAssignment(next, second, { requireAllPartitions: true })).toEqual([]);
        expect(chainImbalances(next, second)).toEqual([]);
        expect(lostClaims(holders(first), holders(second))).toBe(0);
      }),
      { numRuns: LARGE_GROUP_RUNS },
    );
  }, CONFORMANCE_TIMEOUT_MS);
});
