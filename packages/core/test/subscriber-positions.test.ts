import { describe, expect, it } from 'vitest';
import type { GroupMember } from '../src/index.js';
import { subscriberPositions } from '../src/internal.js';

function member(memberId: string, topics: string[]): GroupMember {
  return { memberId, groupInstanceId: null, subscription: { topics, userData: null, ownedPartitions: [], generationId: -1, rackId: null } };
}

describe('subscriberPositions', () => {
  it('lists each topic with its subscribers\' positions ascending, once each, topics in order of first subscription', () => {
    const members = [member('a', ['orders', 'audit']), member('b', []), member('c', ['audit', 'audit', 'payments'])];
    expect([...subscriberPositions(members)]).toEqual([
      ['orders', [0]],
      ['audit', [0, 2]],
      ['payments', [2]],
    ]);
  });
});
