import { describe, expect, it } from 'vitest';
import { decodeStickyUserData, encodeStickyUserData } from '@kafka-assignors/assignor-sticky';

function hex(text: string): Uint8Array {
  return Uint8Array.from(text.replace(/[\s|]/g, '').match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

describe('sticky user data (the Java client\'s StickyAssignor format)', () => {
  it('writes version 1: topics, then partitions, then the generation', () => {
    // a-0, a-1 in generation 5, as the Java client writes it.
    expect(toHex(encodeStickyUserData([{ topic: 'a', partitions: [0, 1] }], 5))).toBe(toHex(hex('00000001 | 0001 61 | 00000002 00000000 00000001 | 00000005')));
  });

  it('writes topics by name and partitions ascending, merging repeats', () => {
    const bytes = encodeStickyUserData([{ topic: 'b', partitions: [2] }, { topic: 'a', partitions: [1, 0] }, { topic: 'b', partitions: [0, 2] }], -1);
    expect(toHex(bytes)).toBe(toHex(hex('00000002 | 0001 61 | 00000002 00000000 00000001 | 0001 62 | 00000002 00000000 00000002 | ffffffff')));
  });

  it('writes no topics for an empty assignment', () => {
    expect(toHex(encodeStickyUserData([], 3))).toBe('0000000000000003');
  });

  it('writes names in UTF-8, an unpaired surrogate as ? as Java does', () => {
    expect(toHex(encodeStickyUserData([{ topic: 'ñ\uD800', partitions: [] }], 0))).toBe(toHex(hex('00000001 | 0003 c3b1 3f | 00000000 | 00000000')));
  });

  it('reads version 1', () => {
    expect(decodeStickyUserData(hex('00000001 | 0001 61 | 00000002 00000000 00000001 | 00000005'))).toEqual({
      partitions: [{ topic: 'a', partitions: [0, 1] }],
      generation: 5,
    });
  });

  it('reads version 0 (no generation), and version 1 with a truncated generation as version 0, as Java falls back', () => {
    expect(decodeStickyUserData(hex('00000001 | 0001 61 | 00000001 00000007'))).toEqual({ partitions: [{ topic: 'a', partitions: [7] }], generation: null });
    expect(decodeStickyUserData(hex('00000001 | 0001 61 | 00000001 00000007 | 0000'))).toEqual({ partitions: [{ topic: 'a', partitions: [7] }], generation: null });
  });

  it('ignores bytes after the generation', () => {
    expect(decodeStickyUserData(hex('00000000 | 00000009 | ffff'))).toEqual({ partitions: [], generation: 9 });
  });

  it('reads topics in whatever order a Java member wrote them', () => {
    expect(decodeStickyUserData(hex('00000002 | 0001 62 | 00000001 00000003 | 0001 61 | 00000000 | 0000000c')).partitions).toEqual([
      { topic: 'b', partitions: [3] },
      { topic: 'a', partitions: [] },
    ]);
  });

  it('takes null and empty bytes as no previous assignment and no generation', () => {
    expect(decodeStickyUserData(null)).toEqual({ partitions: [], generation: null });
    expect(decodeStickyUserData(new Uint8Array(0))).toEqual({ partitions: [], generation: null });
  });

  it.each([
    ['fewer than 4 bytes', '000000'],
    ['a negative topic count', 'ffffffff'],
    ['a topic count past the end', '00000002 | 0001 61 | 00000000'],
    ['a negative name length', '00000001 | ffff | 00000000'],
    ['a name past the end', '00000001 | 0005 6162'],
    ['a negative partition count', '00000001 | 0001 61 | fffffffe'],
    ['partitions past the end', '00000001 | 0001 61 | 00000002 00000000'],
    ['a missing partition count', '00000001 | 0001 61 | 0000'],
  ])('takes %s as unreadable: no previous assignment, generation -1', (_, bytes) => {
    expect(decodeStickyUserData(hex(bytes))).toEqual({ partitions: [], generation: -1 });
  });

  it('reads names as Java does: malformed UTF-8 becomes U+FFFD and a byte-order mark stays', () => {
    expect(decodeStickyUserData(hex('00000002 | 0002 61ff | 00000000 | 0004 efbbbf61 | 00000000 | 00000001')).partitions.map(({ topic }) => topic)).toEqual([
      'a\uFFFD',
      '\uFEFFa',
    ]);
  });

  it('reads an encoded surrogate in a name as one U+FFFD, as Java does', () => {
    // What the Java client's StickyAssignor reads from these bytes (kafka-clients 3.9.1 on Java 17).
    expect(decodeStickyUserData(hex('00000001 | 0004 61eda080 | 00000001 00000000 | 00000001'))).toEqual({
      partitions: [{ topic: 'a\uFFFD', partitions: [0] }],
      generation: 1,
    });
  });

  it('reads what it writes', () => {
    const assignment = [
      { topic: 'orders', partitions: [0, 3, 17] },
      { topic: 'payments', partitions: [2] },
    ];
    expect(decodeStickyUserData(encodeStickyUserData(assignment, 42))).toEqual({ partitions: assignment, generation: 42 });
  });

  it('reads user data that sits inside a larger buffer, as KafkaJS hands it over', () => {
    const pooled = new Uint8Array(64).fill(0xee);
    pooled.set(hex('00000001 | 0001 61 | 00000001 00000004 | 00000002'), 9);
    expect(decodeStickyUserData(pooled.subarray(9, 9 + 19))).toEqual({ partitions: [{ topic: 'a', partitions: [4] }], generation: 2 });
  });
});
