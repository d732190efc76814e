import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GroupMember } from '@kafka-assignors/core';
import { sortedByMemberId } from '../src/member-id-order.js';

const RUNS = 1000;

/**
 * Ids that share a prefix and differ in few code units, so that many agree on the two after the common prefix
 * and are sorted whole, with ids that end inside the prefix, and code units from both ends of the range (U+0000,
 * a surrogate half, U+FFFF); or ids that agree on the two code units in runs longer than an insertion sort takes.
 */
const suffixes = fc.oneof(
  fc.uniqueArray(fc.string({ unit: fc.constantFrom('a', 'b', '-', 'é', '\u0000', '\uD800', '\uFFFF'), maxLength: 5 }), { maxLength: 60 }),
  fc.uniqueArray(fc.stringMatching(/^[ab]{2}[a-z]{0,3}$/), { minLength: 40, maxLength: 120 }),
);
const memberIds = fc.tuple(fc.constantFrom('', 'consumer-', 'c'), suffixes);

function member(memberId: string): GroupMember {
  return { memberId, groupInstanceId: null, subscription: { topics: [], userData: null, ownedPartitions: [], generationId: -1, rackId: null } };
}

describe('sortedByMemberId', () => {
  it(`sorts members by member id in UTF-16 code-unit order, as a comparator sort does (${RUNS} groups)`, () => {
    fc.assert(
      fc.property(memberIds, ([prefix, suffixes]) => {
        const members = suffixes.map((suffix) => member(prefix + suffix));
        const expected = [...members].sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
        expect(sortedByMemberId(members)).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps each member object, and leaves its argument as it was', () => {
    const members = ['b', 'a', 'ab', 'consumer-2', 'consumer-10'].map(member);
    const before = [...members];
    const sorted = sortedByMemberId(members);
    expect(sorted.map(({ memberId }) => memberId)).toEqual(['a', 'ab', 'b', 'consumer-10', 'consumer-2']);
    expect(sorted.every((sortedMember) => members.includes(sortedMember))).toBe(true);
    expect(members).toEqual(before);
  });
});
