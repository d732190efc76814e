import { describe, expect, it } from 'vitest';
import { decodeCooperativeStickyUserData, encodeCooperativeStickyUserData } from '@kafka-assignors/assignor-sticky';

describe('cooperative-sticky user data (the Java client\'s CooperativeStickyAssignor format)', () => {
  it('is the generation as four big-endian bytes', () => {
    expect([...encodeCooperativeStickyUserData(5)]).toEqual([0, 0, 0, 5]);
    expect([...encodeCooperativeStickyUserData(-1)]).toEqual([0xff, 0xff, 0xff, 0xff]);
    expect([...encodeCooperativeStickyUserData(0x01020304)]).toEqual([1, 2, 3, 4]);
  });

  it('reads the generation as Java does: none for null, -1 for fewer than four bytes, later bytes ignored', () => {
    expect(decodeCooperativeStickyUserData(null)).toBeNull();
    expect(decodeCooperativeStickyUserData(new Uint8Array(0))).toBe(-1);
    expect(decodeCooperativeStickyUserData(Uint8Array.of(0, 0, 7))).toBe(-1);
    expect(decodeCooperativeStickyUserData(Uint8Array.of(0, 0, 0, 7))).toBe(7);
    expect(decodeCooperativeStickyUserData(Uint8Array.of(0, 0, 1, 0, 0xff, 0xff))).toBe(256);
    expect(decodeCooperativeStickyUserData(Uint8Array.of(0xff, 0xff, 0xff, 0xfe))).toBe(-2);
  });

  it('reads user data that sits inside a larger buffer', () => {
    const pooled = Uint8Array.of(9, 9, 0, 0, 0, 3, 9);
    expect(decodeCooperativeStickyUserData(pooled.subarray(2, 6))).toBe(3);
  });
});
