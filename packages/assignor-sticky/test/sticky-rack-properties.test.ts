import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BROKER_RACKS, joiningGroupArbitrary, leaderView, type JoiningGroup } from '@kafka-assignors/core/testing';
import { validateAssignment, type Assignor, type Group, type TopicMetadata, type TopicPartitions } from '@kafka-assignors/core';
import { cooperativeStickyAssignor, stickyAssignor } from '@kafka-assignors/assignor-sticky';
import { chainImbalances } from './support/balance.js';
import { holders, partitionCounts } from './support/partition-keys.js';
import { rackMatch, rackMismatches, withoutMemberRacks } from './support/rack-match.js';

const RUNS = 1000;
const RACKS = [...DEFAULT_BROKER_RACKS];

/** Groups whose members sit on the brokers' racks or on none, so that racks apply to most of them. */
const rackedGroupArbitrary = joiningGroupArbitrary({ memberRacks: RACKS });
const assignors = fc.constantFrom(stickyAssignor, cooperativeStickyAssignor);

function hasEqualSubscriptions(group: Group): boolean {
  const key = (index: number) => [...new Set(group.members[index]?.subscription.topics.filter((topic) => group.topics.has(topic)))].sort().join();
  return group.members.every((_, index) => key(index) === key(0));
}

/**
 * Equal subscriptions where a balanced assignment on racks exists and keeps every claim: P = N × q partitions,
 * each member on a rack and given q of them in a hidden assignment, each partition with a replica on its
 * member's rack and maybe others. Members claim part of their hidden share, and may claim a few partitions off
 * their rack too.
 */
const rackRespectingGroupArbitrary: fc.Arbitrary<JoiningGroup> = fc
  .record({
    memberRacks: fc.array(fc.constantFrom(...RACKS), { minLength: 1, maxLength: 8 }),
    quota: fc.integer({ min: 1, max: 5 }),
    topicCount: fc.integer({ min: 1, max: 3 }),
    seed: fc.integer(),
  })
  .map(({ memberRacks, quota, topicCount, seed }): JoiningGroup => {
    let state = seed >>> 0;
    const draw = (bound: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % bound;
    };
    const total = memberRacks.length * quota;
    const partitions = Array.from({ length: total }, (_, index) => ({ topic: `t${index % topicCount}`, partition: Math.floor(index / topicCount) }));
    // A random hidden owner for each partition, each member getting exactly `quota`.
    const slots = Array.from({ length: total }, (_, index) => Math.floor(index / quota));
    for (let index = total - 1; index > 0; index--) {
      const other = draw(index + 1);
      [slots[index], slots[other]] = [slots[other]!, slots[index]!];
    }
    const replicaRacks = partitions.map((_, index) => RACKS.filter((rack) => rack === memberRacks[slots[index]!] || draw(3) === 0));
    const topics = new Map<string, TopicMetadata>();
    for (let topic = 0; topic < topicCount; topic++) {
      const indices = partitions.flatMap((tp, index) => (tp.topic === `t${topic}` ? [index] : []));
      if (indices.length > 0) topics.set(`t${topic}`, { partitionCount: indices.length, replicaRacks: indices.map((index) => replicaRacks[index]!) });
    }
    const topicNames = [...topics.keys()];
    return {
      topics,
      members: memberRacks.map((rack, member) => {
        const claimed = partitions.filter((_, index) => (slots[index] === member ? draw(2) === 0 : draw(8) === 0 && !replicaRacks[index]!.includes(rack)));
        const assignment: TopicPartitions[] = topicNames.map((topic) => ({ topic, partitions: claimed.filter((tp) => tp.topic === topic).map((tp) => tp.partition) }));
        const memberId = `member-${member}`;
        return { memberId, groupInstanceId: null, rackId: rack, context: { memberId, generationId: 1, assignment: assignment.filter((entry) => entry.partitions.length > 0), topics: topicNames } };
      }),
    };
  });

/** The group with every partition on every broker rack: racks do not apply. */
function onEveryRack(joining: JoiningGroup): JoiningGroup {
  const topics = new Map([...joining.topics].map(([name, { partitionCount }]) => [name, { partitionCount, replicaRacks: Array.from({ length: partitionCount }, () => RACKS) }]));
  return { ...joining, topics };
}

function assignBoth(createAssignor: () => Assignor, group: Group) {
  return { withRacks: createAssignor().assign(group), withoutRacks: createAssignor().assign(withoutMemberRacks(group)) };
}

describe('sticky and cooperative-sticky with racks (KIP-881)', () => {
  it('stay valid and balanced where racks apply: exact quotas with equal subscriptions, no chain of takes to a member with two more otherwise', () => {
    let racked = 0;
    fc.assert(
      fc.property(rackedGroupArbitrary, (joining) => {
        const group = leaderView(joining, stickyAssignor());
        if (rackMatch(group) !== null) racked++;
        const assignment = stickyAssignor().assign(group);
        expect(validateAssignment(group, assignment, { requireAllPartitions: true })).toEqual([]);
        expect(chainImbalances(group, assignment)).toEqual([]);
        if (!hasEqualSubscriptions(group)) return;
        const counts = [...partitionCounts(assignment).values()];
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
      { numRuns: RUNS },
    );
    expect(racked).toBeGreaterThan(RUNS / 4);
  });

  it('equal subscriptions: no member gets a partition off its rack when a balanced assignment on racks keeps every kept claim', () => {
    fc.assert(
      fc.property(rackRespectingGroupArbitrary, assignors, (joining, createAssignor) => {
        const group = leaderView(joining, createAssignor());
        expect(rackMismatches(group, createAssignor().assign(group))).toBe(0);
      }),
      { numRuns: RUNS },
    );
  });

  // Under cooperative-sticky, what is withheld for the hand-over differs with and without racks, so counting
  // the partitions given would compare different sets; the assignment before the hand-over is sticky's.
  it('sticky, equal subscriptions: never leaves more partitions off their member\'s rack than the same group without racks', () => {
    fc.assert(
      fc.property(rackedGroupArbitrary, (joining) => {
        const group = leaderView(joining, stickyAssignor());
        if (!hasEqualSubscriptions(group)) return;
        const { withRacks, withoutRacks } = assignBoth(stickyAssignor, group);
        expect(rackMismatches(group, withRacks)).toBeLessThanOrEqual(rackMismatches(group, withoutRacks));
      }),
      { numRuns: RUNS },
    );
  });

  it('assign exactly as without racks where racks do not apply: every partition on every rack, or no member on a broker rack', () => {
    fc.assert(
      fc.property(rackedGroupArbitrary, assignors, fc.boolean(), (joining, createAssignor, everyRack) => {
        const shifted = { ...joining, members: joining.members.map((member) => ({ ...member, rackId: member.rackId === null ? null : `other-${member.rackId}` })) };
        const group = leaderView(everyRack ? onEveryRack(joining) : shifted, createAssignor());
        expect(rackMatch(group)).toBeNull();
        const { withRacks, withoutRacks } = assignBoth(createAssignor, group);
        expect(withRacks).toEqual(withoutRacks);
        const noRackInfo = { ...group, topics: new Map([...group.topics].map(([name, { partitionCount }]) => [name, { partitionCount }])) };
        expect(holders(createAssignor().assign(noRackInfo))).toEqual(holders(withRacks));
      }),
      { numRuns: RUNS },
    );
  });
});
