import fc from 'fast-check';
import type { TopicPartitions } from '@kafka-assignors/core';
import type { JoiningGroup } from '@kafka-assignors/core/testing';

const TOPIC_NAMES = ['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'];

/**
 * Groups of 10 to 60 members over up to 10 topics of up to 120 partitions: subscriptions from a few shared
 * patterns or of the member's own, a previous owner drawn for each partition (or none), and some partitions
 * claimed a second time, in the same generation or an older one. Sizes are drawn uniformly, so large groups
 * are as common as small ones.
 */
export function largeGroupArbitrary(): fc.Arbitrary<JoiningGroup> {
  return fc
    .record({
      partitionCounts: fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 3, maxLength: TOPIC_NAMES.length, size: 'max' }),
      memberCount: fc.integer({ min: 10, max: 60 }),
      patterns: fc.array(fc.subarray(TOPIC_NAMES, { minLength: 1 }), { minLength: 1, maxLength: 4 }),
      seed: fc.integer(),
    })
    .map(({ partitionCounts, memberCount, patterns, seed }): JoiningGroup => {
      let state = seed >>> 0;
      const draw = (bound: number) => {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        return state % bound;
      };
      const topics = new Map(partitionCounts.map((partitionCount, index) => [TOPIC_NAMES[index]!, { partitionCount }]));
      const memberTopics = Array.from({ length: memberCount }, () =>
        draw(4) === 0 ? TOPIC_NAMES.filter(() => draw(2) === 0) : patterns[draw(patterns.length)]!,
      );
      const owned = memberTopics.map(() => new Map<string, number[]>());
      const claim = (member: number, topic: string, partition: number) => owned[member]!.set(topic, [...(owned[member]!.get(topic) ?? []), partition]);
      for (const [topic, { partitionCount }] of topics) {
        const subscribers = memberTopics.flatMap((list, member) => (list.includes(topic) ? [member] : []));
        for (let partition = 0; partition < partitionCount; partition++) {
          if (subscribers.length === 0 || draw(5) === 0) continue;
          claim(subscribers[draw(subscribers.length)]!, topic, partition);
          if (draw(20) === 0) claim(subscribers[draw(subscribers.length)]!, topic, partition);
        }
      }
      return {
        topics,
        members: memberTopics.map((list, member) => {
          const assignment: TopicPartitions[] = [...owned[member]!].map(([topic, partitions]) => ({ topic, partitions }));
          const fresh = assignment.length === 0 && draw(2) === 0;
          return {
            memberId: `member-${String(member).padStart(2, '0')}`,
            groupInstanceId: null,
            rackId: null,
            context: { memberId: fresh ? null : `member-${member}`, generationId: fresh ? -1 : 4 + draw(2), assignment, topics: list },
          };
        }),
      };
    });
}
