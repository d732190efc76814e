import { describe, expect, it } from 'vitest';
import { partitionMovement } from '../../src/simulator/partition-movement.js';

describe('partitionMovement', () => {
  it('counts nothing between identical rounds, whatever the order of entries', () => {
    const round = [
      { name: 'a', partitions: [{ topic: 't', partitions: [0, 1] }] },
      { name: 'b', partitions: [{ topic: 't', partitions: [2] }, { topic: 'u', partitions: [0] }] },
    ];
    const reordered = [
      { name: 'b', partitions: [{ topic: 'u', partitions: [0] }, { topic: 't', partitions: [2] }] },
      { name: 'a', partitions: [{ topic: 't', partitions: [1, 0] }] },
    ];
    expect(partitionMovement(round, reordered)).toEqual({ assigned: 0, revoked: 0, moved: 0 });
  });

  it('tells a move from a withheld partition and from a new one', () => {
    const before = [
      { name: 'a', partitions: [{ topic: 't', partitions: [0, 1, 2] }] },
      { name: 'gone', partitions: [{ topic: 't', partitions: [3] }] },
    ];
    const after = [
      // 0 stays, 1 moves to b, 2 is withheld, 3 moves from a member that left, 4 is new.
      { name: 'a', partitions: [{ topic: 't', partitions: [0] }] },
      { name: 'b', partitions: [{ topic: 't', partitions: [1, 3, 4] }] },
    ];
    expect(partitionMovement(before, after)).toEqual({ assigned: 3, revoked: 3, moved: 2 });
  });

  it('does not call a partition moved while one of its holders keeps it', () => {
    const before = [{ name: 'a', partitions: [{ topic: 't', partitions: [0] }] }];
    const twice = [
      { name: 'a', partitions: [{ topic: 't', partitions: [0] }] },
      { name: 'b', partitions: [{ topic: 't', partitions: [0] }] },
    ];
    expect(partitionMovement(before, twice)).toEqual({ assigned: 1, revoked: 0, moved: 0 });
    expect(partitionMovement(twice, [])).toEqual({ assigned: 0, revoked: 2, moved: 0 });
  });
});
