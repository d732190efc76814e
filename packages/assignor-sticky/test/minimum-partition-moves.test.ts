import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimumPartitionMoves } from '@kafka-assignors/assignor-sticky';

/** The fewest claims any balanced assignment breaks, by trying every assignment of the partitions. */
function bruteForceMinimum(previousOwner: readonly (number | null)[], memberCount: number): number {
  const partitionCount = previousOwner.length;
  const owner = new Array<number>(partitionCount).fill(0);
  const claimed = previousOwner.filter((member) => member !== null).length;
  let bestKept = -1;
  const visit = (partition: number): void => {
    if (partition === partitionCount) {
      const counts = new Array<number>(memberCount).fill(0);
      for (const member of owner) counts[member]! += 1;
      if (Math.max(...counts) - Math.min(...counts) > 1) return;
      bestKept = Math.max(bestKept, owner.filter((member, index) => previousOwner[index] === member).length);
      return;
    }
    for (let member = 0; member < memberCount; member++) {
      owner[partition] = member;
      visit(partition + 1);
    }
  };
  visit(0);
  return claimed - bestKept;
}

describe('minimumPartitionMoves', () => {
  it('counts what balance forces out: the claims above each quota, less the larger quotas that can absorb one', () => {
    // 10 partitions, 3 members: quotas 3, 3, 4. Claims 6, 4, 0: 6 keeps 4, 4 keeps 3.
    expect(minimumPartitionMoves([6, 4, 0], 10)).toBe(3);
    // 12 partitions over 4: quota 3 each. The (4, 4, 4, 0) case loses exactly one claim per heavy member.
    expect(minimumPartitionMoves([4, 4, 4, 0], 12)).toBe(3);
    expect(minimumPartitionMoves([3, 3, 3, 3], 12)).toBe(0);
    expect(minimumPartitionMoves([0, 0, 0], 7)).toBe(0);
    expect(minimumPartitionMoves([], 5)).toBe(0);
    // One member alone keeps everything it claimed.
    expect(minimumPartitionMoves([5], 9)).toBe(0);
  });

  it('refuses more claims than partitions', () => {
    expect(() => minimumPartitionMoves([3, 3], 5)).toThrow(RangeError);
  });

  it('equals the fewest broken claims over every balanced assignment of small groups', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((memberCount) =>
          fc.record({
            memberCount: fc.constant(memberCount),
            previousOwner: fc.array(fc.option(fc.nat({ max: memberCount - 1 })), { minLength: 0, maxLength: memberCount <= 2 ? 9 : 6 }),
          }),
        ),
        ({ memberCount, previousOwner }) => {
          const claims = Array.from({ length: memberCount }, (_, member) => previousOwner.filter((owner) => owner === member).length);
          expect(minimumPartitionMoves(claims, previousOwner.length)).toBe(bruteForceMinimum(previousOwner, memberCount));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
