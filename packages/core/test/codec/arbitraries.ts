import fc from 'fast-check';
import type { MemberAssignment, Subscription, TopicPartitions } from '../../src/model.js';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

export const int32 = fc.integer({ min: INT32_MIN, max: INT32_MAX });

/**
 * Topic names: any Unicode (multi-byte UTF-8, astral characters as surrogate pairs), plus a few short
 * names so that lists often repeat a topic and exercise grouping.
 */
export const topicName = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('a', 'b', 'ab', 'é', '😀', '｡', ''),
  fc.stringMatching(/^[a-zA-Z0-9._-]{1,24}$/),
);

/** Small partition numbers collide (duplicates, ordering); any int32 must go through as well. */
const partition = fc.oneof(fc.integer({ min: 0, max: 5 }), int32);

export const topicPartitionsList: fc.Arbitrary<TopicPartitions[]> = fc.array(
  fc.record({ topic: topicName, partitions: fc.array(partition, { maxLength: 6 }) }),
  { maxLength: 6 },
);

export const userData = fc.option(fc.uint8Array({ maxLength: 8 }), { nil: null });

export const subscription: fc.Arbitrary<Subscription> = fc.record({
  topics: fc.array(topicName, { maxLength: 6 }),
  userData,
  ownedPartitions: topicPartitionsList,
  generationId: fc.oneof(fc.constant(-1), int32),
  rackId: fc.option(fc.oneof(fc.constant(''), topicName), { nil: null }),
});

export const memberAssignment: fc.Arbitrary<MemberAssignment> = fc.record({ partitions: topicPartitionsList, userData });

export const writableVersion = fc.integer({ min: 0, max: 3 });
