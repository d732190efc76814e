import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAssignorConformance, clusterArbitrary } from '@kafka-assignors/core/testing';
import type { Group } from '@kafka-assignors/core';
import { roundRobinAssignor } from '@kafka-assignors/assignor-roundrobin';

describe('roundRobinAssignor properties', () => {
  it('keeps every invariant of the conformance kit, assigning every partition', () => {
    expect(() => checkAssignorConformance(() => roundRobinAssignor(), { requireAllPartitions: true })).not.toThrow();
  });

  it('gives members with equal subscriptions totals that differ by at most one', () => {
    const equalSubscriptions = fc
      .record({ topics: clusterArbitrary(), memberCount: fc.integer({ min: 1, max: 12 }), statics: fc.integer({ min: 0, max: 12 }) })
      .map(({ topics, memberCount, statics }): Group => ({
        topics,
        members: Array.from({ length: memberCount }, (_, i) => ({
          memberId: `member-${i}`,
          groupInstanceId: i < statics ? `instance-${memberCount - i}` : null,
          subscription: { topics: [...topics.keys()], userData: null, ownedPartitions: [], generationId: -1, rackId: null },
        })),
      }));
    fc.assert(
      fc.property(equalSubscriptions, (group) => {
        const totals = [...roundRobinAssignor().assign(group).values()].map(({ partitions }) =>
          partitions.reduce((sum, { partitions: list }) => sum + list.length, 0),
        );
        expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
  });
});
