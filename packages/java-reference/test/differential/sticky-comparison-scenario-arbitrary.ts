import fc from 'fast-check';
import type { TopicPartitions } from '@kafka-assignors/core';
import type { Scenario, ScenarioMember, ScenarioTopic } from '@kafka-assignors/core/scenario';

const TOPIC_NAMES = ['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7'];
const MAX_PARTITIONS = 24;
const MAX_PREVIOUS_MEMBERS = 10;
const MAX_NEW_MEMBERS = 4;
const MAX_PATTERNS = 3;
const GENERATION = 7;

/** What happens to a member of the previous round before this one. */
type Fate = 'stays' | 'leaves' | 'resubscribes' | 'comes-back-as-zombie';

interface PreviousMember {
  readonly memberId: string;
  readonly topics: readonly string[];
}

/**
 * The previous round's assignment, favouring no assignor: each topic's partitions dealt in turn to its
 * subscribers, the turn carrying over between topics with the same subscribers.
 */
function dealtAssignment(topics: readonly ScenarioTopic[], members: readonly PreviousMember[]): TopicPartitions[][] {
  const owned = members.map(() => new Map<string, number[]>());
  const turns = new Map<string, number>();
  for (const { name, partitions } of topics) {
    const subscribers = members.flatMap((member, index) => (member.topics.includes(name) ? [index] : []));
    if (subscribers.length === 0) continue;
    const key = subscribers.join();
    let turn = turns.get(key) ?? 0;
    for (let partition = 0; partition < partitions; partition++) {
      const list = owned[subscribers[turn]!]!;
      list.set(name, [...(list.get(name) ?? []), partition]);
      turn = (turn + 1) % subscribers.length;
    }
    turns.set(key, turn);
  }
  return owned.map((byTopic) => [...byTopic].map(([topic, partitions]) => ({ topic, partitions })));
}

/**
 * One rebalance after a previous one: the previous round dealt neutrally among its members, then members stay,
 * leave, change their subscription or come back as zombies (a new member id, the old claims, an older
 * generation), new members join, topics grow or are deleted. Subscriptions are all the same in about half the
 * scenarios, drawn from a few patterns in the rest. No racks, and no claims past a topic's partition count
 * (which the Java client keeps, and so assigns partitions that do not exist).
 */
export function stickyComparisonScenarioArbitrary(): fc.Arbitrary<Scenario> {
  return fc
    .record({
      topics: fc.uniqueArray(fc.record({ name: fc.constantFrom(...TOPIC_NAMES), partitions: fc.integer({ min: 1, max: MAX_PARTITIONS }) }), {
        minLength: 1,
        maxLength: TOPIC_NAMES.length,
        selector: (topic) => topic.name,
      }),
      equalSubscriptions: fc.boolean(),
      patterns: fc.array(fc.subarray(TOPIC_NAMES, { minLength: 1 }), { minLength: 1, maxLength: MAX_PATTERNS }),
      previous: fc.array(fc.record({ pattern: fc.nat(), fate: fc.constantFrom<Fate>('stays', 'stays', 'stays', 'stays', 'leaves', 'resubscribes', 'comes-back-as-zombie'), newPattern: fc.nat() }), {
        minLength: 1,
        maxLength: MAX_PREVIOUS_MEMBERS,
      }),
      joining: fc.array(fc.nat(), { maxLength: MAX_NEW_MEMBERS }),
      growth: fc.array(fc.nat({ max: 6 }), { minLength: TOPIC_NAMES.length, maxLength: TOPIC_NAMES.length }),
      deleted: fc.subarray(TOPIC_NAMES, { maxLength: 1 }),
    })
    .map(({ topics, equalSubscriptions, patterns, previous, joining, growth, deleted }): Scenario => {
      const patternOf = (draw: number) => (equalSubscriptions ? patterns[0]! : patterns[draw % patterns.length]!);
      const previousMembers = previous.map(({ pattern }, index) => ({ memberId: `member-${String(index)}`, topics: patternOf(pattern) }));
      const owned = dealtAssignment(topics, previousMembers);
      const members: ScenarioMember[] = [];
      previous.forEach(({ fate, newPattern }, index) => {
        const { memberId, topics: memberTopics } = previousMembers[index]!;
        const claims = owned[index]!;
        if (fate === 'stays') members.push({ memberId, topics: memberTopics, owned: claims, generationId: GENERATION });
        if (fate === 'resubscribes') members.push({ memberId, topics: patternOf(newPattern + 1), owned: claims, generationId: GENERATION });
        if (fate === 'comes-back-as-zombie') members.push({ memberId: `zombie-${String(index)}`, topics: memberTopics, owned: claims, generationId: GENERATION - 2 });
      });
      joining.forEach((pattern, index) => members.push({ memberId: `joiner-${String(index)}`, topics: patternOf(pattern) }));
      const current = topics
        .filter(({ name }) => !deleted.includes(name))
        .map(({ name, partitions }) => ({ name, partitions: partitions + (growth[TOPIC_NAMES.indexOf(name)] ?? 0) }));
      return { topics: current, members };
    })
    // The leader is a member: a group always has one.
    .filter(({ members }) => members.length > 0);
}
