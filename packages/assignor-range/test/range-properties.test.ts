import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAssignorConformance, joiningGroupArbitrary, leaderView } from '@kafka-assignors/core/testing';
import { rangeAssignor } from '@kafka-assignors/assignor-range';

describe('rangeAssignor properties', () => {
  it('keeps every invariant of the conformance kit, assigning every partition', () => {
    expect(() => checkAssignorConformance(() => rangeAssignor(), { requireAllPartitions: true })).not.toThrow();
  });

  it('gives each subscriber of a topic floor(P/N) or ceil(P/N) of its partitions, with racks or without', () => {
    fc.assert(
      fc.property(joiningGroupArbitrary(), (joining) => {
        const group = leaderView(joining, rangeAssignor());
        const assignment = rangeAssignor().assign(group);
        for (const [topic, { partitionCount }] of group.topics) {
          const subscribers = group.members.filter(({ subscription }) => subscription.topics.includes(topic));
          const counts = subscribers.map(({ memberId }) =>
            (assignment.get(memberId)?.partitions ?? []).filter((entry) => entry.topic === topic).reduce((sum, entry) => sum + entry.partitions.length, 0),
          );
          for (const count of counts) {
            expect(count).toBeGreaterThanOrEqual(Math.floor(partitionCount / subscribers.length));
            expect(count).toBeLessThanOrEqual(Math.ceil(partitionCount / subscribers.length));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
