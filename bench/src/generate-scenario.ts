import type { Scenario, ScenarioMember, ScenarioTopic } from '@kafka-assignors/core/scenario';
import { previousAssignment } from './previous-assignment.js';
import type { ScenarioSpec } from './scenario-spec.js';
import { SeededRandom } from '@kafka-assignors/core/simulator';

const RACKS = ['rack-a', 'rack-b', 'rack-c'];
/** Two replicas on three racks: with every partition on every rack, rack-aware assignment has nothing to do. */
const REPLICAS = 2;
const BUCKETS = 4;
/** The generation of the previous round, carried by every member that was in it. */
const PREVIOUS_GENERATION = 7;

interface MemberIdentity {
  readonly memberId: string;
  readonly topics: readonly string[];
  readonly rackId?: string;
}

/**
 * The scenario of a spec, the same for the same spec on every machine.
 *
 * Topics `topic-000`… each have the spec's partition count; with racks, partition p of topic t has replicas on
 * racks (p + t) mod 3 and (p + t + 1) mod 3, and member i is on rack i mod 3. Members are dynamic, with random
 * ids (so their sorted order has nothing to do with their index). With equal subscriptions every member takes
 * every topic; with unequal ones the topics are cut into four slices and member i takes slices i mod 4 and
 * i + 1 mod 4, so each topic has two buckets of subscribers that overlap with their neighbours.
 *
 * A history other than `fresh` carries the previous round: its members own what `previousAssignment` dealt them,
 * at generation 7. For `member-leaves` the previous round had one more member, drawn at random, who is gone now;
 * for `member-joins` it had one member fewer, and the last member is new, owning nothing.
 */
export function generateScenario(spec: ScenarioSpec): Scenario {
  const random = new SeededRandom(spec.seed);
  const topics = generateTopics(spec);
  const topicNames = topics.map((topic) => topic.name);
  const identityCount = spec.history === 'member-leaves' ? spec.members + 1 : spec.members;
  const identities = Array.from({ length: identityCount }, (_, index): MemberIdentity => ({
    memberId: `consumer-${random.hex(12)}`,
    topics: subscribedTopics(spec, topicNames, index),
    ...(spec.racks ? { rackId: RACKS[index % RACKS.length] ?? '' } : {}),
  }));
  if (spec.history === 'fresh') return { topics, members: identities.map((identity) => ({ ...identity })) };

  const leaving = spec.history === 'member-leaves' ? random.below(identityCount) : -1;
  const previousMembers = spec.history === 'member-joins' ? identities.slice(0, -1) : identities;
  const owned = previousAssignment(topics, previousMembers);
  const members = identities
    .filter((_, index) => index !== leaving)
    .map((identity): ScenarioMember => {
      const previous = owned.get(identity.memberId);
      return previous === undefined ? { ...identity } : { ...identity, owned: previous, generationId: PREVIOUS_GENERATION };
    });
  return { topics, members };
}

function generateTopics(spec: ScenarioSpec): ScenarioTopic[] {
  const width = String(spec.topics - 1).length;
  return Array.from({ length: spec.topics }, (_, topic): ScenarioTopic => {
    const name = `topic-${String(topic).padStart(Math.max(3, width), '0')}`;
    if (!spec.racks) return { name, partitions: spec.partitionsPerTopic };
    const replicaRacks = Array.from({ length: spec.partitionsPerTopic }, (_, partition) =>
      Array.from({ length: REPLICAS }, (_, replica) => RACKS[(partition + topic + replica) % RACKS.length] ?? ''),
    );
    return { name, partitions: spec.partitionsPerTopic, replicaRacks };
  });
}

function subscribedTopics(spec: ScenarioSpec, topicNames: readonly string[], memberIndex: number): readonly string[] {
  if (spec.subscriptions === 'equal') return topicNames;
  const bucket = memberIndex % BUCKETS;
  const slice = (index: number) => topicNames.slice(Math.floor((index * topicNames.length) / BUCKETS), Math.floor(((index + 1) * topicNames.length) / BUCKETS));
  return [...slice(bucket), ...slice((bucket + 1) % BUCKETS)];
}
