import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assignor } from '@kafka-assignors/core';
import { DEFAULT_BROKER_RACKS } from '../../src/testing/cluster-arbitrary.js';
import { joiningGroupArbitrary } from '../../src/testing/joining-group-arbitrary.js';
import { leaderView, type JoiningGroup, type JoiningMember } from '../../src/testing/joining-group.js';

const SAMPLES = 1000;
const samples = fc.sample(joiningGroupArbitrary(), { numRuns: SAMPLES, seed: 20_240_601 });

function claims(member: JoiningMember): { topic: string; partition: number }[] {
  return member.context.assignment.flatMap(({ topic, partitions }) => partitions.map((partition) => ({ topic, partition })));
}

function hasConflict(group: JoiningGroup, sameGeneration: boolean): boolean {
  const claimedBy = new Map<string, JoiningMember>();
  for (const member of group.members) {
    for (const { topic, partition } of claims(member)) {
      const key = `${topic}/${partition}`;
      const other = claimedBy.get(key);
      if (other !== undefined && (other.context.generationId === member.context.generationId) === sameGeneration) return true;
      claimedBy.set(key, member);
    }
  }
  return false;
}

/** Which share of the samples shows a case; each case must come up often enough to be tried in 1000 runs. */
const cases: Record<string, (group: JoiningGroup) => boolean> = {
  'no topics in metadata': (s) => s.topics.size === 0,
  'a topic with replica racks': (s) => [...s.topics.values()].some((topic) => topic.replicaRacks !== undefined),
  'a subscription to a topic missing from metadata': (s) => s.members.some((m) => m.context.topics.some((topic) => !s.topics.has(topic))),
  'a member without topics': (s) => s.members.some((m) => m.context.topics.length === 0),
  'several members with identical subscriptions': (s) =>
    s.members.length > 1 && s.members.every((m) => [...m.context.topics].sort().join() === [...(s.members[0]?.context.topics ?? [])].sort().join()),
  'heterogeneous subscriptions': (s) => new Set(s.members.map((m) => [...m.context.topics].sort().join())).size > 1,
  'a static member': (s) => s.members.some((m) => m.groupInstanceId !== null),
  'a member on a broker rack': (s) => s.members.some((m) => m.rackId !== null && DEFAULT_BROKER_RACKS.includes(m.rackId)),
  'a member on a rack without brokers': (s) => s.members.some((m) => m.rackId === 'rack-without-brokers'),
  'a member with an empty rack': (s) => s.members.some((m) => m.rackId === ''),
  'a new member': (s) => s.members.some((m) => m.context.memberId === null && m.context.generationId === -1),
  'a zombie remembering another member id': (s) => s.members.some((m) => m.context.memberId !== null && m.context.memberId !== m.memberId),
  'a claim of a deleted topic': (s) => s.members.some((m) => claims(m).some(({ topic }) => !s.topics.has(topic))),
  'a claim past the partition count': (s) =>
    s.members.some((m) => claims(m).some(({ topic, partition }) => partition >= (s.topics.get(topic)?.partitionCount ?? Infinity))),
  'a claim of an unsubscribed existing topic': (s) =>
    s.members.some((m) => claims(m).some(({ topic }) => s.topics.has(topic) && !m.context.topics.includes(topic))),
  'two claims of a partition at the same generation': (s) => hasConflict(s, true),
  'two claims of a partition at different generations': (s) => hasConflict(s, false),
  'null user data instead of the assignor’s': (s) => s.members.some((m) => m.userDataOverride === null),
  'random user data bytes': (s) => s.members.some((m) => m.userDataOverride instanceof Uint8Array),
};

describe('joiningGroupArbitrary', () => {
  it.each(Object.entries(cases))('comes up with %s in at least 2% of groups', (_, shows) => {
    expect(samples.filter(shows).length).toBeGreaterThanOrEqual(SAMPLES * 0.02);
  });

  it('keeps to what metadata and brokers guarantee', () => {
    for (const group of samples) {
      expect(group.members.length).toBeGreaterThanOrEqual(1);
      expect(new Set(group.members.map((m) => m.memberId)).size).toBe(group.members.length);
      const instanceIds = group.members.flatMap((m) => (m.groupInstanceId === null ? [] : [m.groupInstanceId]));
      expect(new Set(instanceIds).size).toBe(instanceIds.length);
      for (const topic of group.topics.values()) {
        expect(topic.partitionCount).toBeGreaterThan(0);
        if (topic.replicaRacks !== undefined) expect(topic.replicaRacks).toHaveLength(topic.partitionCount);
      }
    }
  });

  it('honours size options', () => {
    const small = fc.sample(joiningGroupArbitrary({ topicNames: ['only'], maxMembers: 2, maxPartitionsPerTopic: 3 }), { numRuns: SAMPLES, seed: 3 });
    for (const group of small) {
      expect(group.members.length).toBeLessThanOrEqual(2);
      expect([...group.topics.keys()].every((topic) => topic === 'only')).toBe(true);
      expect([...group.topics.values()].every((topic) => topic.partitionCount <= 3)).toBe(true);
    }
  });
});

describe('leaderView', () => {
  const generationAsUserData = (rebalanceProtocols: Assignor['rebalanceProtocols']): Assignor => ({
    name: 'generation-in-user-data',
    rebalanceProtocols,
    subscriptionUserData: (member) => Uint8Array.of(member.generationId),
    assign: () => new Map(),
  });
  const rejoining: JoiningMember = {
    memberId: 'm-2',
    groupInstanceId: 'pod-1',
    rackId: 'rack-a',
    context: { memberId: 'm-1', generationId: 5, assignment: [{ topic: 'orders', partitions: [1] }], topics: ['orders'] },
  };
  const topics = new Map([['orders', { partitionCount: 2 }]]);

  it('builds each subscription with the assignor, as the member itself would', () => {
    expect(leaderView({ topics, members: [rejoining] }, generationAsUserData(['cooperative']))).toEqual({
      topics,
      members: [
        {
          memberId: 'm-2',
          groupInstanceId: 'pod-1',
          subscription: { topics: ['orders'], userData: Uint8Array.of(5), ownedPartitions: [{ topic: 'orders', partitions: [1] }], generationId: 5, rackId: 'rack-a' },
        },
      ],
    });
    expect(leaderView({ topics, members: [rejoining] }, generationAsUserData(['eager'])).members[0]?.subscription.ownedPartitions).toEqual([]);
  });

  it('sends the overriding user data instead, null included', () => {
    const garbage = { ...rejoining, userDataOverride: Uint8Array.of(0xff, 0x00) };
    expect(leaderView({ topics, members: [garbage] }, generationAsUserData(['eager'])).members[0]?.subscription.userData).toEqual(
      Uint8Array.of(0xff, 0x00),
    );
    const absent = { ...rejoining, userDataOverride: null };
    expect(leaderView({ topics, members: [absent] }, generationAsUserData(['eager'])).members[0]?.subscription.userData).toBeNull();
  });
});
