import { describe, expect, it } from 'vitest';
import { decodeSubscription, encodeSubscription } from '../../src/codec/index.js';
import type { Subscription } from '../../src/model.js';
import { hex, toHex } from './hex.js';

const NO_USER_DATA: Pick<Subscription, 'userData' | 'ownedPartitions' | 'generationId' | 'rackId'> = {
  userData: null,
  ownedPartitions: [],
  generationId: -1,
  rackId: null,
};

/** Hex of a topic name the way the vectors spell it: int16 length, then the bytes. */
const A = '00 01 61';
const B = '00 01 62';
const ORDERS = '00 06 6f 72 64 65 72 73';

function expectBytes(actual: Uint8Array, expected: string): void {
  expect(toHex(actual)).toBe(toHex(hex(expected)));
}

describe('Subscription byte vectors', () => {
  // Reference section 1.7.
  const referenceV3 = hex(`
    00 03 | 00 00 00 02 | ${A} | ${B} | 00 00 00 04 ff ff ff ff |
    00 00 00 01 | ${A} | 00 00 00 02 | 00 00 00 00 | 00 00 00 01 | ff ff ff ff | ff ff`);
  const referenceV3Subscription: Subscription = {
    topics: ['a', 'b'],
    userData: hex('ff ff ff ff'),
    ownedPartitions: [{ topic: 'a', partitions: [0, 1] }],
    generationId: -1,
    rackId: null,
  };

  it('encodes and decodes the reference v3 example (45 bytes)', () => {
    expect(referenceV3.length).toBe(45);
    expectBytes(encodeSubscription(referenceV3Subscription), toHex(referenceV3));
    expect(decodeSubscription(referenceV3)).toEqual({ version: 3, ...referenceV3Subscription });
  });

  it('encodes and decodes the reference v0 example (16 bytes)', () => {
    const bytes = `00 00 | 00 00 00 02 | ${A} | ${B} | ff ff ff ff`;
    expectBytes(encodeSubscription({ topics: ['a', 'b'], ...NO_USER_DATA }, 0), bytes);
    expect(decodeSubscription(hex(bytes))).toEqual({ version: 0, topics: ['a', 'b'], ...NO_USER_DATA });
  });

  it('writes each lower version without the fields it does not have', () => {
    const full: Subscription = {
      topics: ['a'],
      userData: hex('01'),
      ownedPartitions: [{ topic: 'a', partitions: [2] }],
      generationId: 9,
      rackId: 'r',
    };
    const v0 = `${A} | 00 00 00 01 01`;
    const v1 = `${v0} | 00 00 00 01 | ${A} | 00 00 00 01 | 00 00 00 02`;
    const v2 = `${v1} | 00 00 00 09`;
    const v3 = `${v2} | 00 01 72`;
    expectBytes(encodeSubscription(full, 0), `00 00 | 00 00 00 01 | ${v0}`);
    expectBytes(encodeSubscription(full, 1), `00 01 | 00 00 00 01 | ${v1}`);
    expectBytes(encodeSubscription(full, 2), `00 02 | 00 00 00 01 | ${v2}`);
    expectBytes(encodeSubscription(full, 3), `00 03 | 00 00 00 01 | ${v3}`);
    expectBytes(encodeSubscription(full), `00 03 | 00 00 00 01 | ${v3}`);
  });

  it('v1: owned partitions, with defaults for generation and rack', () => {
    const bytes = `00 01 | 00 00 00 01 | ${ORDERS} | 00 00 00 00 |
      00 00 00 01 | ${ORDERS} | 00 00 00 02 | 00 00 00 00 | 00 00 00 02`;
    const subscription: Subscription = {
      topics: ['orders'],
      userData: new Uint8Array(0),
      ownedPartitions: [{ topic: 'orders', partitions: [2, 0] }],
      generationId: 7,
      rackId: 'rack-a',
    };
    expectBytes(encodeSubscription(subscription, 1), bytes);
    expect(decodeSubscription(hex(bytes))).toEqual({
      version: 1,
      topics: ['orders'],
      userData: new Uint8Array(0),
      ownedPartitions: [{ topic: 'orders', partitions: [0, 2] }],
      generationId: -1,
      rackId: null,
    });
  });

  it('v2: generation id, with the default rack', () => {
    const bytes = `00 02 | 00 00 00 01 | 00 01 74 | ff ff ff ff | 00 00 00 00 | 00 00 01 05`;
    const subscription: Subscription = { topics: ['t'], ...NO_USER_DATA, generationId: 261 };
    expectBytes(encodeSubscription(subscription, 2), bytes);
    expect(decodeSubscription(hex(bytes))).toEqual({ version: 2, ...subscription });
  });

  it('v3: rack id', () => {
    const bytes = `00 03 | 00 00 00 00 | 00 00 00 02 01 02 | 00 00 00 00 | 00 00 00 07 | 00 04 65 75 2d 31`;
    const subscription: Subscription = { topics: [], userData: hex('01 02'), ownedPartitions: [], generationId: 7, rackId: 'eu-1' };
    expectBytes(encodeSubscription(subscription), bytes);
    expect(decodeSubscription(hex(bytes))).toEqual({ version: 3, ...subscription });
  });

  it('reads a future version 7 as v3 and ignores the bytes it appends', () => {
    const bytes = hex(`00 07 | 00 00 00 01 | ${A} | ff ff ff ff | 00 00 00 00 | 00 00 00 03 | 00 01 72 | de ad be ef 00 00`);
    expect(decodeSubscription(bytes)).toEqual({
      version: 7,
      topics: ['a'],
      userData: null,
      ownedPartitions: [],
      generationId: 3,
      rackId: 'r',
    });
  });

  it('ignores trailing bytes after an older version too', () => {
    expect(decodeSubscription(hex(`00 00 | 00 00 00 00 | ff ff ff ff | 00 00 00 01`))).toEqual({ version: 0, topics: [], ...NO_USER_DATA });
  });

  it('reads a negative generation as -1 and an empty rack as null', () => {
    const bytes = hex(`00 03 | 00 00 00 00 | ff ff ff ff | 00 00 00 00 | ff ff ff fb | 00 00`);
    expect(decodeSubscription(bytes)).toEqual({ version: 3, topics: [], ...NO_USER_DATA });
  });

  it('writes an empty rack as null, as Java does for an empty client.rack', () => {
    const bytes = `00 03 | 00 00 00 00 | ff ff ff ff | 00 00 00 00 | ff ff ff ff | ff ff`;
    expectBytes(encodeSubscription({ topics: [], ...NO_USER_DATA, rackId: '' }), bytes);
  });

  it('keeps null and empty user data apart', () => {
    const empty = `00 00 | 00 00 00 00 | 00 00 00 00`;
    const absent = `00 00 | 00 00 00 00 | ff ff ff ff`;
    expectBytes(encodeSubscription({ topics: [], ...NO_USER_DATA, userData: new Uint8Array(0) }, 0), empty);
    expectBytes(encodeSubscription({ topics: [], ...NO_USER_DATA }, 0), absent);
    expect(decodeSubscription(hex(empty)).userData).toEqual(new Uint8Array(0));
    expect(decodeSubscription(hex(absent)).userData).toBeNull();
  });

  it('writes multi-byte UTF-8 topic names, sorted by UTF-16 code units like Java', () => {
    // é (2 bytes), € (3 bytes), 😀 (4 bytes, surrogates d83d de00) and ｡ (U+FF61, 3 bytes): in UTF-16 order
    // the surrogate pair sorts before U+FF61, though its code point is higher.
    const bytes = `00 00 | 00 00 00 04 | 00 02 c3 a9 | 00 03 e2 82 ac | 00 04 f0 9f 98 80 | 00 03 ef bd a1 | ff ff ff ff`;
    expectBytes(encodeSubscription({ topics: ['｡', '😀', '€', 'é'], ...NO_USER_DATA }, 0), bytes);
    expect(decodeSubscription(hex(bytes)).topics).toEqual(['é', '€', '😀', '｡']);
  });

  it('writes an unpaired surrogate as ? like Java String.getBytes', () => {
    const bytes = `00 03 | 00 00 00 00 | ff ff ff ff | 00 00 00 00 | ff ff ff ff | 00 02 3f 78`;
    expectBytes(encodeSubscription({ topics: [], ...NO_USER_DATA, rackId: '\ud800x' }), bytes);
  });

  it('reads malformed UTF-8 with replacement characters and keeps a byte-order mark', () => {
    const bytes = hex(`00 00 | 00 00 00 02 | 00 04 ef bb bf 61 | 00 03 61 ff 62 | ff ff ff ff`);
    expect(decodeSubscription(bytes).topics).toEqual(['\ufeffa', 'a\ufffdb']);
  });

  it('sorts topics and sorts and groups owned partitions by (topic, partition)', () => {
    const subscription: Subscription = {
      topics: ['b', 'a'],
      userData: null,
      ownedPartitions: [
        { topic: 'b', partitions: [3, 1] },
        { topic: 'a', partitions: [2] },
        { topic: 'c', partitions: [] },
        { topic: 'b', partitions: [0] },
        { topic: 'a', partitions: [0] },
      ],
      generationId: -1,
      rackId: null,
    };
    const bytes = `00 01 | 00 00 00 02 | ${A} | ${B} | ff ff ff ff |
      00 00 00 02 | ${A} | 00 00 00 02 | 00 00 00 00 | 00 00 00 02 |
                    ${B} | 00 00 00 03 | 00 00 00 00 | 00 00 00 01 | 00 00 00 03`;
    expectBytes(encodeSubscription(subscription, 1), bytes);
    expect(subscription.topics).toEqual(['b', 'a']);
    expect(subscription.ownedPartitions[0]).toEqual({ topic: 'b', partitions: [3, 1] });
  });

  it('keeps repeated topics and partitions, as Java does', () => {
    const bytes = `00 01 | 00 00 00 02 | ${A} | ${A} | ff ff ff ff | 00 00 00 01 | ${A} | 00 00 00 02 | 00 00 00 05 | 00 00 00 05`;
    const subscription: Subscription = {
      topics: ['a', 'a'],
      ...NO_USER_DATA,
      ownedPartitions: [
        { topic: 'a', partitions: [5] },
        { topic: 'a', partitions: [5] },
      ],
    };
    expectBytes(encodeSubscription(subscription, 1), bytes);
  });

  it('returns owned partitions as the wire groups them', () => {
    const bytes = hex(`00 01 | 00 00 00 00 | ff ff ff ff |
      00 00 00 03 | ${B} | 00 00 00 01 | 00 00 00 07 | ${A} | 00 00 00 00 | ${B} | 00 00 00 01 | 00 00 00 02`);
    expect(decodeSubscription(bytes).ownedPartitions).toEqual([
      { topic: 'b', partitions: [7] },
      { topic: 'a', partitions: [] },
      { topic: 'b', partitions: [2] },
    ]);
  });

  it('reads a view with a non-zero byte offset, and Node buffers', () => {
    const message = hex(`00 02 | 00 00 00 01 | ${A} | 00 00 00 01 09 | 00 00 00 00 | 00 00 00 04`);
    const padded = new Uint8Array(message.length + 10).fill(0xee);
    padded.set(message, 7);
    const expected = { version: 2, topics: ['a'], userData: hex('09'), ownedPartitions: [], generationId: 4, rackId: null };
    expect(decodeSubscription(padded.subarray(7, 7 + message.length))).toEqual(expected);
    const buffer = Buffer.from(message);
    const fromBuffer = decodeSubscription(buffer);
    expect(fromBuffer).toEqual(expected);
    // A Buffer's own slice would share memory; the user data must be a copy all the same.
    buffer.fill(0);
    expect(fromBuffer.userData).toEqual(hex('09'));
    expect(Object.getPrototypeOf(fromBuffer.userData)).toBe(Uint8Array.prototype);
  });

  it('returns a plain Uint8Array, and user data that does not share the input buffer', () => {
    const encoded = encodeSubscription({ topics: ['a'], ...NO_USER_DATA, userData: hex('01 02') });
    expect(Object.getPrototypeOf(encoded)).toBe(Uint8Array.prototype);
    const decoded = decodeSubscription(encoded);
    encoded.fill(0);
    expect(decoded.userData).toEqual(hex('01 02'));
  });
});
