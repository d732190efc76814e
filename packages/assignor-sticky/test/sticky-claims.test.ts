import type { Group, GroupMember } from '@kafka-assignors/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClaimBook } from '../src/claim-book.js';
import { indexGroup } from '../src/indexed-group.js';
import { NOBODY } from '../src/nobody.js';
import { readStickyClaims } from '../src/sticky-claims.js';
import { decodeStickyUserData, encodeStickyUserData } from '../src/sticky-user-data.js';

const PARTITION_COUNTS = new Map([
  ['t', 4],
  ['u', 3],
]);
/** The other member claims every partition in this generation, so that the generation read decides each claim. */
const OTHER_GENERATION = 5;

function member(memberId: string, topics: string[], userData: Uint8Array): GroupMember {
  return { memberId, groupInstanceId: null, subscription: { topics, userData, ownedPartitions: [], generationId: -1, rackId: null } };
}

/** Sticky user data as a member writes it, then perhaps cut short or with one byte changed. */
const userData = fc
  .record({
    assignment: fc.array(fc.record({ topic: fc.constantFrom('t', 'u', 'v'), partitions: fc.array(fc.integer({ min: -1, max: 5 }), { maxLength: 4 }) }), { maxLength: 4 }),
    generation: fc.integer({ min: -1, max: 8 }),
    damage: fc.oneof(fc.constant(null), fc.record({ at: fc.nat(), cut: fc.boolean(), byte: fc.integer({ min: 0, max: 255 }) })),
  })
  .map(({ assignment, generation, damage }) => {
    const bytes = encodeStickyUserData(assignment, generation);
    if (damage === null || bytes.length === 0) return bytes;
    const at = damage.at % bytes.length;
    if (damage.cut) return bytes.slice(0, at);
    const changed = bytes.slice();
    changed[at] = damage.byte;
    return changed;
  });

describe('readStickyClaims', () => {
  it('claims what decodeStickyUserData reads, in the generation it reads, and nothing of user data it cannot read', () => {
    fc.assert(
      fc.property(userData, fc.subarray(['t', 'u'], { minLength: 1 }), (bytes, topics) => {
        const group: Group = {
          topics: new Map([...PARTITION_COUNTS].map(([name, partitionCount]) => [name, { partitionCount }])),
          members: [
            member('a', topics, bytes),
            member('b', ['t', 'u'], encodeStickyUserData([{ topic: 't', partitions: [0, 1, 2, 3] }, { topic: 'u', partitions: [0, 1, 2] }], OTHER_GENERATION)),
          ],
        };
        const indexed = indexGroup(group);
        const book = new ClaimBook(indexed.topics.partitionTotal);
        readStickyClaims(indexed, book);

        const decoded = decodeStickyUserData(bytes);
        const generation = decoded.generation ?? -1;
        const claimedByA = new Set(
          decoded.partitions.flatMap(({ topic, partitions }) =>
            topics.includes(topic) ? partitions.filter((partition) => partition >= 0 && partition < PARTITION_COUNTS.get(topic)!).map((partition) => `${topic}-${partition}`) : [],
          ),
        );
        const expected = [...PARTITION_COUNTS].flatMap(([topic, count]) =>
          Array.from({ length: count }, (_, partition) => {
            if (!claimedByA.has(`${topic}-${partition}`) || generation < OTHER_GENERATION) return 1;
            return generation === OTHER_GENERATION ? NOBODY : 0;
          }),
        );
        expect([...book.previousOwners()]).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
