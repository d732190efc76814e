import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConsumerProtocolError, encodeAssignment, encodeGroupAssignment } from '../../src/codec/index.js';
import type { GroupAssignment, MemberAssignment, TopicPartitions } from '../../src/model.js';
import { memberAssignment, topicName, userData, writableVersion } from './arbitraries.js';

const RUNS = { numRuns: 1000 };

/** Partitions as assignors return them, and now and then one the wire cannot carry. */
const partition = fc.oneof({ weight: 8, arbitrary: fc.nat(2 ** 31 - 1) }, fc.constantFrom(-1, 2 ** 31, 1.5, Number.NaN));

/** The form assignors return: topics ascending with no repeats (the direct path), sometimes a name that is not ASCII. */
const assignorShaped: fc.Arbitrary<MemberAssignment> = fc
  .record({
    topics: fc.uniqueArray(fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[a-zA-Z0-9._-]{1,12}$/) }, topicName), { maxLength: 6 }),
    partitionLists: fc.array(fc.array(partition, { maxLength: 4 }), { minLength: 6, maxLength: 6 }),
    userData,
  })
  .map(({ topics, partitionLists, userData: data }) => ({
    partitions: [...topics].sort().map((topic, index): TopicPartitions => ({ topic, partitions: partitionLists[index]! })),
    userData: data,
  }));

/**
 * Topics from a pool of four, in any order: members that hold the same topic at the same position as the member
 * before, after the same topic or another, in order or not, with a name that is not ASCII among them. Their
 * partitions are all valid, so that groups of them are written rather than refused.
 */
const pooled: fc.Arbitrary<MemberAssignment> = fc.record({
  partitions: fc.array(
    fc.record({ topic: fc.constantFrom('orders', 'payments', 'refunds', 'zahlungsüberweisung'), partitions: fc.array(fc.nat(2 ** 31 - 1), { maxLength: 3 }) }),
    { maxLength: 5 },
  ),
  userData,
});

function groupOf(member: fc.Arbitrary<MemberAssignment>): fc.Arbitrary<GroupAssignment> {
  return fc
    .uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), member), { selector: ([memberId]) => memberId, maxLength: 8 })
    .map((members) => new Map(members));
}

const groupAssignment = groupOf(fc.oneof({ weight: 3, arbitrary: assignorShaped }, { weight: 3, arbitrary: pooled }, memberAssignment));

/** Every member's bytes from `encodeAssignment`, member by member. */
function encodedOneByOne(assignment: GroupAssignment, version?: number): Map<string, Uint8Array> {
  return new Map([...assignment].map(([memberId, member]) => [memberId, encodeAssignment(member, version)]));
}

/** The member's bytes from `encodeAssignment`, or the error it throws. */
function encodedAlone(assignment: MemberAssignment, version: number): unknown {
  try {
    return encodeAssignment(assignment, version);
  } catch (error) {
    return error;
  }
}

describe('encodeGroupAssignment', () => {
  it('writes for every member the bytes encodeAssignment writes, or throws the error it throws', () => {
    fc.assert(
      fc.property(groupAssignment, writableVersion, (assignment, version) => {
        const alone = [...assignment].map(([memberId, memberAssignment]) => [memberId, encodedAlone(memberAssignment, version)] as const);
        const failure = alone.find(([, result]) => !(result instanceof Uint8Array));
        if (failure === undefined) {
          expect(encodeGroupAssignment(assignment, version)).toEqual(new Map(alone));
        } else {
          expect(() => encodeGroupAssignment(assignment, version)).toThrow(failure[1]);
        }
      }),
      RUNS,
    );
  });

  it('writes for members sharing a few topics the bytes encodeAssignment writes for each', () => {
    fc.assert(
      fc.property(groupOf(pooled), writableVersion, (assignment, version) => {
        expect(encodeGroupAssignment(assignment, version)).toEqual(encodedOneByOne(assignment, version));
      }),
      RUNS,
    );
  });

  it('keeps the bytes of each member apart from every other member', () => {
    const assignment: GroupAssignment = new Map([
      ['a', { partitions: [{ topic: 'orders', partitions: [0, 2] }], userData: null }],
      ['b', { partitions: [{ topic: 'orders', partitions: [1] }, { topic: 'payments', partitions: [0] }], userData: Uint8Array.of(7) }],
      ['c', { partitions: [{ topic: 'payments', partitions: [1] }], userData: null }],
    ]);
    const encoded = encodeGroupAssignment(assignment);
    encoded.get('a')!.fill(0xff);
    encoded.get('c')!.fill(0xff);
    expect(encoded.get('b')).toEqual(encodeAssignment(assignment.get('b')!));
  });

  it('writes members larger than the buffer it starts with, and larger than the first member', () => {
    const manyPartitions = Array.from({ length: 30_000 }, (_, index) => index);
    const assignment: GroupAssignment = new Map([
      ['a', { partitions: [{ topic: 'orders', partitions: [0] }], userData: null }],
      ['b', { partitions: [{ topic: 'orders', partitions: manyPartitions.slice(1) }, { topic: 'payments', partitions: manyPartitions }], userData: null }],
      ['c', { partitions: [], userData: new Uint8Array(100_000).fill(3) }],
      ['d', { partitions: [{ topic: 'payments', partitions: [5] }], userData: Uint8Array.of(1) }],
    ]);
    expect(encodeGroupAssignment(assignment)).toEqual(encodedOneByOne(assignment));
  });

  it('merges a repeated topic held where the member before held it after a different topic', () => {
    const assignment: GroupAssignment = new Map([
      ['a', { partitions: [{ topic: 'orders', partitions: [0] }, { topic: 'payments', partitions: [0] }], userData: null }],
      ['b', { partitions: [{ topic: 'payments', partitions: [1] }, { topic: 'payments', partitions: [2] }], userData: null }],
      ['c', { partitions: [{ topic: 'orders', partitions: [1] }, { topic: 'payments', partitions: [3] }], userData: null }],
    ]);
    expect(encodeGroupAssignment(assignment)).toEqual(encodedOneByOne(assignment));
  });

  it('refuses a version it cannot write, naming the field', () => {
    expect(() => encodeGroupAssignment(new Map(), 4)).toThrow(ConsumerProtocolError);
    expect(() => encodeGroupAssignment(new Map(), 4)).toThrow(/Assignment\.Version/);
  });
});
