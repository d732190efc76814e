import { describe, expect, it } from 'vitest';
import { singlePartition } from '../src/internal.js';

describe('singlePartition', () => {
  it('gives one frozen list per partition number, the same array every time', () => {
    expect(singlePartition(7)).toEqual([7]);
    expect(singlePartition(7)).toBe(singlePartition(7));
    expect(singlePartition(0)).not.toBe(singlePartition(1));
    expect(Object.isFrozen(singlePartition(3))).toBe(true);
  });

  it('shares the lists of every number below the one asked for, however high it comes first', () => {
    const high = singlePartition(40_000);
    expect(high).toEqual([40_000]);
    expect(singlePartition(39_999)).toEqual([39_999]);
    expect(singlePartition(40_000)).toBe(high);
  });

  it('makes a new frozen list each time for a number from 65,536 up, so that the shared lists stay small', () => {
    expect(singlePartition(70_000)).toEqual([70_000]);
    expect(Object.isFrozen(singlePartition(70_000))).toBe(true);
    expect(singlePartition(70_000)).not.toBe(singlePartition(70_000));
  });
});
