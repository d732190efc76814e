import { describe, expect, it } from 'vitest';
import { assignmentJson } from '../../src/scenario/assignment-json.js';

describe('assignmentJson', () => {
  it('lists every member in the given order, merging and sorting its topics and partitions', () => {
    const assignment = new Map([
      ['b', { partitions: [{ topic: 'orders', partitions: [3, 1] }, { topic: 'audit', partitions: [0] }, { topic: 'orders', partitions: [2] }], userData: null }],
    ]);
    expect(JSON.stringify(assignmentJson(['b', 'a'], assignment))).toBe(
      '{"assignment":{"b":[{"topic":"audit","partitions":[0]},{"topic":"orders","partitions":[1,2,3]}],"a":[]}}',
    );
  });

  it('keeps a member whose id is "__proto__", which a plain object would swallow', () => {
    const assignment = new Map([['__proto__', { partitions: [{ topic: 'orders', partitions: [0] }], userData: null }]]);
    expect(JSON.parse(JSON.stringify(assignmentJson(['__proto__'], assignment)))).toEqual(
      JSON.parse('{"assignment":{"__proto__":[{"topic":"orders","partitions":[0]}]}}'),
    );
  });
});
