import { describe, expect, it } from 'vitest';
import {
  ConsumerProtocolError,
  decodeAssignment,
  decodeSubscription,
  encodeAssignment,
  encodeSubscription,
  type ConsumerProtocolErrorReason,
} from '../../src/codec/index.js';
import type { Subscription } from '../../src/model.js';
import { hex } from './hex.js';

interface ExpectedError {
  readonly field: string;
  readonly offset: number;
  readonly reason: ConsumerProtocolErrorReason;
}

function errorOf(run: () => unknown): ConsumerProtocolError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConsumerProtocolError) return error;
    throw error;
  }
  throw new Error('expected a ConsumerProtocolError, but nothing was thrown');
}

function expectError(run: () => unknown, expected: ExpectedError): ConsumerProtocolError {
  const error = errorOf(run);
  expect({ field: error.field, offset: error.offset, reason: error.reason }).toEqual(expected);
  expect(error.message).toContain(`${expected.field}: `);
  expect(error.message).toContain(` at byte ${expected.offset} `);
  return error;
}

// The reference v3 Subscription (section 1.7), and where each of its fields starts.
const subscriptionV3 = hex(`
  00 03 | 00 00 00 02 | 00 01 61 | 00 01 62 | 00 00 00 04 ff ff ff ff |
  00 00 00 01 | 00 01 61 | 00 00 00 02 | 00 00 00 00 | 00 00 00 01 | ff ff ff ff | ff ff`);

/** The error that decoding each proper prefix of subscriptionV3 must report, by prefix length. */
const subscriptionTruncations: readonly (ExpectedError & { readonly lengths: readonly number[] })[] = [
  { lengths: [0, 1], field: 'Subscription.Version', offset: 0, reason: 'truncated' },
  { lengths: [2, 3, 4, 5], field: 'Subscription.Topics', offset: 2, reason: 'truncated' },
  // An array count passes only if it is no larger than the bytes left after it, as in Java.
  { lengths: [6, 7], field: 'Subscription.Topics', offset: 2, reason: 'length-exceeds-buffer' },
  { lengths: [8], field: 'Subscription.Topics[0]', offset: 6, reason: 'length-exceeds-buffer' },
  { lengths: [9, 10], field: 'Subscription.Topics[1]', offset: 9, reason: 'truncated' },
  { lengths: [11], field: 'Subscription.Topics[1]', offset: 9, reason: 'length-exceeds-buffer' },
  { lengths: [12, 13, 14, 15], field: 'Subscription.UserData', offset: 12, reason: 'truncated' },
  { lengths: [16, 17, 18, 19], field: 'Subscription.UserData', offset: 12, reason: 'length-exceeds-buffer' },
  { lengths: [20, 21, 22, 23], field: 'Subscription.OwnedPartitions', offset: 20, reason: 'truncated' },
  { lengths: [24], field: 'Subscription.OwnedPartitions', offset: 20, reason: 'length-exceeds-buffer' },
  { lengths: [25], field: 'Subscription.OwnedPartitions[0].Topic', offset: 24, reason: 'truncated' },
  { lengths: [26], field: 'Subscription.OwnedPartitions[0].Topic', offset: 24, reason: 'length-exceeds-buffer' },
  { lengths: [27, 28, 29, 30], field: 'Subscription.OwnedPartitions[0].Partitions', offset: 27, reason: 'truncated' },
  // A count of 2 with fewer than 2 bytes left fails the count check; with 2 or 3 bytes left it passes
  // (Java compares the count with bytes, not with 4 x count) and the first element is cut off.
  { lengths: [31, 32], field: 'Subscription.OwnedPartitions[0].Partitions', offset: 27, reason: 'length-exceeds-buffer' },
  { lengths: [33, 34], field: 'Subscription.OwnedPartitions[0].Partitions[0]', offset: 31, reason: 'truncated' },
  { lengths: [35, 36, 37, 38], field: 'Subscription.OwnedPartitions[0].Partitions[1]', offset: 35, reason: 'truncated' },
  { lengths: [39, 40, 41, 42], field: 'Subscription.GenerationId', offset: 39, reason: 'truncated' },
  { lengths: [43, 44], field: 'Subscription.RackId', offset: 43, reason: 'truncated' },
];

// The reference v3 Assignment (section 1.7).
const assignmentV3 = hex(`00 03 | 00 00 00 01 | 00 01 61 | 00 00 00 02 | 00 00 00 00 | 00 00 00 01 | ff ff ff ff`);

const assignmentTruncations: readonly (ExpectedError & { readonly lengths: readonly number[] })[] = [
  { lengths: [0, 1], field: 'Assignment.Version', offset: 0, reason: 'truncated' },
  { lengths: [2, 3, 4, 5], field: 'Assignment.AssignedPartitions', offset: 2, reason: 'truncated' },
  { lengths: [6], field: 'Assignment.AssignedPartitions', offset: 2, reason: 'length-exceeds-buffer' },
  { lengths: [7], field: 'Assignment.AssignedPartitions[0].Topic', offset: 6, reason: 'truncated' },
  { lengths: [8], field: 'Assignment.AssignedPartitions[0].Topic', offset: 6, reason: 'length-exceeds-buffer' },
  { lengths: [9, 10, 11, 12], field: 'Assignment.AssignedPartitions[0].Partitions', offset: 9, reason: 'truncated' },
  { lengths: [13, 14], field: 'Assignment.AssignedPartitions[0].Partitions', offset: 9, reason: 'length-exceeds-buffer' },
  { lengths: [15, 16], field: 'Assignment.AssignedPartitions[0].Partitions[0]', offset: 13, reason: 'truncated' },
  { lengths: [17, 18, 19, 20], field: 'Assignment.AssignedPartitions[0].Partitions[1]', offset: 17, reason: 'truncated' },
  { lengths: [21, 22, 23, 24], field: 'Assignment.UserData', offset: 21, reason: 'truncated' },
];

describe('decoding errors', () => {
  it('covers every proper prefix of the reference messages', () => {
    expect(subscriptionTruncations.flatMap((t) => t.lengths)).toEqual([...Array(subscriptionV3.length).keys()]);
    expect(assignmentTruncations.flatMap((t) => t.lengths)).toEqual([...Array(assignmentV3.length).keys()]);
  });

  describe.each(subscriptionTruncations)('a Subscription cut inside $field ($reason)', ({ lengths, ...expected }) => {
    it.each(lengths)('after %i bytes', (length) => {
      expectError(() => decodeSubscription(subscriptionV3.subarray(0, length)), expected);
    });
  });

  describe.each(assignmentTruncations)('an Assignment cut inside $field ($reason)', ({ lengths, ...expected }) => {
    it.each(lengths)('after %i bytes', (length) => {
      expectError(() => decodeAssignment(assignmentV3.subarray(0, length)), expected);
    });
  });

  it('says what is wrong in plain words', () => {
    expect(errorOf(() => decodeSubscription(hex('00'))).message).toBe(
      'Subscription.Version: int16 version at byte 0 needs 2 bytes but only 1 byte is left',
    );
    expect(errorOf(() => decodeSubscription(subscriptionV3.subarray(0, 41))).message).toBe(
      'Subscription.GenerationId: int32 at byte 39 needs 4 bytes but only 2 bytes are left',
    );
    const oversized = hex(`00 00 | 00 00 00 02 | 00 06 6f 72 64 65 72 73 | 03 84 | ${'00 '.repeat(12)}`);
    expect(errorOf(() => decodeSubscription(oversized)).message).toBe(
      'Subscription.Topics[1]: string length 900 at byte 14 exceeds the 12 bytes left',
    );
  });

  it.each(['ff ff', '80 00', 'ff fe'])('rejects the negative version %s', (version) => {
    expectError(() => decodeSubscription(hex(`${version} | 00 00 00 00 | ff ff ff ff`)), {
      field: 'Subscription.Version',
      offset: 0,
      reason: 'negative-version',
    });
    expectError(() => decodeAssignment(hex(`${version} | 00 00 00 00 | ff ff ff ff`)), {
      field: 'Assignment.Version',
      offset: 0,
      reason: 'negative-version',
    });
  });

  it('rejects a null or negative count for a non-nullable array', () => {
    expectError(() => decodeSubscription(hex(`00 00 | ff ff ff ff | ff ff ff ff`)), {
      field: 'Subscription.Topics',
      offset: 2,
      reason: 'unexpected-null',
    });
    expectError(() => decodeSubscription(hex(`00 00 | 80 00 00 00 | ff ff ff ff`)), {
      field: 'Subscription.Topics',
      offset: 2,
      reason: 'negative-length',
    });
    expectError(() => decodeSubscription(hex(`00 01 | 00 00 00 00 | ff ff ff ff | ff ff ff ff`)), {
      field: 'Subscription.OwnedPartitions',
      offset: 10,
      reason: 'unexpected-null',
    });
    expectError(() => decodeAssignment(hex(`00 00 | 00 00 00 01 | 00 01 61 | ff ff ff fe | ff ff ff ff`)), {
      field: 'Assignment.AssignedPartitions[0].Partitions',
      offset: 9,
      reason: 'negative-length',
    });
    expectError(() => decodeAssignment(hex(`00 00 | ff ff ff ff | ff ff ff ff`)), {
      field: 'Assignment.AssignedPartitions',
      offset: 2,
      reason: 'unexpected-null',
    });
  });

  it('rejects an array count larger than the bytes left before allocating anything', () => {
    expectError(() => decodeSubscription(hex(`00 00 | 7f ff ff ff | ff ff ff ff`)), {
      field: 'Subscription.Topics',
      offset: 2,
      reason: 'length-exceeds-buffer',
    });
    expectError(() => decodeAssignment(hex(`00 00 | 00 00 00 01 | 00 01 61 | 7f ff ff ff | ff ff ff ff`)), {
      field: 'Assignment.AssignedPartitions[0].Partitions',
      offset: 9,
      reason: 'length-exceeds-buffer',
    });
  });

  it('rejects a null or negative length for a non-nullable string', () => {
    expectError(() => decodeSubscription(hex(`00 00 | 00 00 00 02 | 00 01 61 | ff ff | ff ff ff ff`)), {
      field: 'Subscription.Topics[1]',
      offset: 9,
      reason: 'unexpected-null',
    });
    expectError(() => decodeAssignment(hex(`00 00 | 00 00 00 01 | 80 00 | 00 00 00 00 | ff ff ff ff`)), {
      field: 'Assignment.AssignedPartitions[0].Topic',
      offset: 6,
      reason: 'negative-length',
    });
  });

  it('reads -1 as null in nullable strings and bytes, and rejects other negative lengths', () => {
    expect(decodeSubscription(hex(`00 03 | 00 00 00 00 | ff ff ff ff | 00 00 00 00 | 00 00 00 01 | ff ff`)).rackId).toBeNull();
    expectError(() => decodeSubscription(hex(`00 03 | 00 00 00 00 | ff ff ff ff | 00 00 00 00 | 00 00 00 01 | ff fe`)), {
      field: 'Subscription.RackId',
      offset: 18,
      reason: 'negative-length',
    });
    expectError(() => decodeSubscription(hex(`00 00 | 00 00 00 00 | ff ff ff fe`)), {
      field: 'Subscription.UserData',
      offset: 6,
      reason: 'negative-length',
    });
    expectError(() => decodeAssignment(hex(`00 00 | 00 00 00 00 | 80 00 00 00`)), {
      field: 'Assignment.UserData',
      offset: 6,
      reason: 'negative-length',
    });
  });

  it('rejects oversized string and bytes lengths', () => {
    expectError(() => decodeSubscription(hex(`00 03 | 00 00 00 00 | ff ff ff ff | 00 00 00 00 | 00 00 00 01 | 7f ff 61`)), {
      field: 'Subscription.RackId',
      offset: 18,
      reason: 'length-exceeds-buffer',
    });
    expectError(() => decodeAssignment(hex(`00 00 | 00 00 00 00 | 00 00 00 02 | 61`)), {
      field: 'Assignment.UserData',
      offset: 6,
      reason: 'length-exceeds-buffer',
    });
  });

  it('reports the field path of a later entry', () => {
    const bytes = hex(`00 00 | 00 00 00 02 | 00 01 61 | 00 00 00 00 | 00 01 62 | 00 00 00 02 | 00 00 00 01 | 00 00`);
    expectError(() => decodeAssignment(bytes), {
      field: 'Assignment.AssignedPartitions[1].Partitions[1]',
      offset: 24,
      reason: 'truncated',
    });
  });
});

describe('encoding errors', () => {
  const base: Subscription = { topics: [], userData: null, ownedPartitions: [], generationId: -1, rackId: null };

  it.each([4, -1, 1.5, Number.NaN])('rejects version %s', (version) => {
    expectError(() => encodeSubscription(base, version), { field: 'Subscription.Version', offset: 0, reason: 'unsupported-version' });
    expectError(() => encodeAssignment({ partitions: [], userData: null }, version), {
      field: 'Assignment.Version',
      offset: 0,
      reason: 'unsupported-version',
    });
  });

  it('rejects a string longer than 32767 UTF-8 bytes, and accepts one of exactly 32767', () => {
    expectError(() => encodeSubscription({ ...base, topics: ['b', 'a'.repeat(32768)] }), {
      field: 'Subscription.Topics[0]',
      offset: 6,
      reason: 'string-too-long',
    });
    // 16384 two-byte characters: 32768 bytes from 16384 UTF-16 code units.
    const error = expectError(() => encodeSubscription({ ...base, rackId: 'é'.repeat(16384) }), {
      field: 'Subscription.RackId',
      offset: 18,
      reason: 'string-too-long',
    });
    expect(error.message).toBe('Subscription.RackId: string of 32768 UTF-8 bytes at byte 18 exceeds the limit of 32767 bytes');
    expect(encodeSubscription({ ...base, rackId: 'é'.repeat(16383) + 'x' }).length).toBe(18 + 2 + 32767);
    expectError(() => encodeAssignment({ partitions: [{ topic: '€'.repeat(10923), partitions: [0] }], userData: null }), {
      field: 'Assignment.AssignedPartitions[0].Topic',
      offset: 6,
      reason: 'string-too-long',
    });
  });

  it.each([2 ** 31, -(2 ** 31) - 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects the partition %s', (partition) => {
    const partitions = [
      { topic: 'a', partitions: [0] },
      { topic: 'b', partitions: [1, partition] },
    ];
    expectError(() => encodeAssignment({ partitions, userData: null }), {
      field: 'Assignment.AssignedPartitions[1].Partitions[1]',
      offset: 6 + 3 + 4 + 4 + 3 + 4 + 4,
      reason: 'not-int32',
    });
    // On encode, the path and offset are those of the message as written: after sorting, 'b' is entry 1.
    const owned = [
      { topic: 'b', partitions: [partition] },
      { topic: 'a', partitions: [0] },
    ];
    const error = expectError(() => encodeSubscription({ ...base, ownedPartitions: owned }, 1), {
      field: 'Subscription.OwnedPartitions[1].Partitions[0]',
      offset: 6 + 4 + 4 + 3 + 4 + 4 + 3 + 4,
      reason: 'not-int32',
    });
    expect(error.message).toContain('is not an int32');
  });

  it.each([2 ** 31, 0.5, Number.NaN])('rejects the generation %s', (generationId) => {
    expectError(() => encodeSubscription({ ...base, generationId }), { field: 'Subscription.GenerationId', offset: 14, reason: 'not-int32' });
  });

  it('does not check fields the version leaves out', () => {
    expect(() => encodeSubscription({ ...base, generationId: 0.5, rackId: 'x'.repeat(40000) }, 1)).not.toThrow();
  });
});
