import { describe, expect, it } from 'vitest';
import { singlePartition } from '../src/internal.js';

describe('singlePartition', () => {
  it('gives one frozen list per partition number, the same array every time', () => {
    expect(singlePartition(7)).toEqual([7]);
    expect(singlePartition(7)).toBe(singlePartition(7));
    expect(singlePartition(0)).not.toBe(singlePartition(1));
    expect(Object.isFrozen(singlePartition(3))).toBe(true);
  });
});
