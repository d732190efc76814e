import { describe, expect, it } from 'vitest';
import type { GroupAssignment } from '@kafka-assignors/core';
import type { Scenario } from '@kafka-assignors/core/scenario';
import { assignmentFromJson, assignmentQuality } from '../src/assignment-quality.js';

const scenario: Scenario = {
  topics: [
    { name: 't', partitions: 4 },
    { name: 'u', partitions: 2 },
  ],
  members: [
    { memberId: 'a', topics: ['t', 'u'], owned: [{ topic: 't', partitions: [0, 1, 2] }], generationId: 3 },
    { memberId: 'b', topics: ['t', 'u'], owned: [{ topic: 'u', partitions: [0, 1] }], generationId: 3 },
    { memberId: 'c', topics: ['t'] },
  ],
};

const assignment = (entries: Record<string, { topic: string; partitions: number[] }[]>): GroupAssignment => assignmentFromJson({ assignment: entries });

describe('assignmentQuality', () => {
  it('measures spread over every member and counts what members owned and do not get back', () => {
    const quality = assignmentQuality(
      scenario,
      assignment({ a: [{ topic: 't', partitions: [0, 1] }], b: [{ topic: 'u', partitions: [0, 1] }], c: [{ topic: 't', partitions: [2, 3] }] }),
      'eager',
    );
    expect(quality).toEqual({ valid: true, violationCount: 0, violations: [], spread: 0, moved: 1, unassigned: 0 });
  });

  it('requires every partition of an eager assignor, and counts the ones a cooperative assignor withholds', () => {
    const withheld = assignment({ a: [{ topic: 't', partitions: [0, 1] }], b: [{ topic: 'u', partitions: [0, 1] }], c: [{ topic: 't', partitions: [3] }] });
    expect(assignmentQuality(scenario, withheld, 'cooperative')).toMatchObject({ valid: true, spread: 1, moved: 1, unassigned: 1 });
    expect(assignmentQuality(scenario, withheld, 'eager')).toMatchObject({ valid: false, violationCount: 1, violations: ['t-2 is assigned to nobody'] });
  });

  it('reports violations and counts members left out of the result as holding nothing', () => {
    const quality = assignmentQuality(scenario, assignment({ a: [{ topic: 't', partitions: [0, 1, 2, 3] }], c: [{ topic: 'u', partitions: [0, 1] }] }), 'eager');
    expect(quality.valid).toBe(false);
    expect(quality.violations).toEqual([
      'c is assigned u-0, but does not subscribe to u',
      'c is assigned u-1, but does not subscribe to u',
      'member b has no entry in the result',
    ]);
    expect(quality.violationCount).toBe(3);
    expect(quality.spread).toBe(4);
    expect(quality.moved).toBe(2);
  });

  it('has no movement for a group without history', () => {
    const fresh: Scenario = { topics: [{ name: 't', partitions: 1 }], members: [{ memberId: 'a', topics: ['t'] }] };
    expect(assignmentQuality(fresh, assignment({ a: [{ topic: 't', partitions: [0] }] }), 'eager').moved).toBeNull();
  });
});
