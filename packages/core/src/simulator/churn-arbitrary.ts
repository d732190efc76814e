import fc from '../testing/fast-check.js';
import { DEFAULT_BROKER_RACKS, DEFAULT_TOPIC_NAMES } from '../testing/cluster-arbitrary.js';
import type { ChurnEvent } from './churn-event.js';

export interface ChurnArbitraryOptions {
  /** Topics members subscribe to and that grow or get deleted. */
  readonly topicNames?: readonly string[];
  readonly memberRacks?: readonly string[];
  readonly minEvents?: number;
  readonly maxEvents?: number;
  readonly maxNewPartitions?: number;
}

const DEFAULT_MAX_EVENTS = 30;
const DEFAULT_MAX_NEW_PARTITIONS = 4;
/** Members are picked modulo the group size, so any bound well above it picks every member. */
const MAX_PICK = 64;

/**
 * Lists of churn events, joins most often so that groups grow, the other events in smaller shares;
 * zombie rejoins need an earlier expiry and do nothing otherwise.
 */
export function churnArbitrary(options: ChurnArbitraryOptions = {}): fc.Arbitrary<ChurnEvent[]> {
  const topicNames = [...(options.topicNames ?? DEFAULT_TOPIC_NAMES)];
  const memberRacks = options.memberRacks ?? DEFAULT_BROKER_RACKS;
  const topics = fc.shuffledSubarray(topicNames);
  const topic = fc.constantFrom(...topicNames);
  const member = fc.nat({ max: MAX_PICK });
  const event: fc.Arbitrary<ChurnEvent> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('join'),
        topics,
        rackId: fc.option(fc.constantFrom(...memberRacks), { nil: null }),
        isStatic: fc.boolean(),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('leave'), member }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('crash'), member }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('expire'), member }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('zombie-rejoin'), zombie: fc.nat({ max: MAX_PICK }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('change-subscription'), member, topics }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('add-partitions'),
        topic,
        count: fc.integer({ min: 1, max: options.maxNewPartitions ?? DEFAULT_MAX_NEW_PARTITIONS }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-topic'), topic }) },
  );
  // Histories are only interesting when long enough to build a group up and churn it, so lengths span the whole range.
  return fc.array(event, { minLength: options.minEvents ?? 0, maxLength: options.maxEvents ?? DEFAULT_MAX_EVENTS, size: 'max' });
}
