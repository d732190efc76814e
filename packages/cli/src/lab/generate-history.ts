import { DEFAULT_CHURN_MIX, formatChurnMix, type ChurnMix } from './churn-mix.js';
import { GroupMembership } from './group-membership.js';
import type { JoinEvent, LabEvent, LabEventKind, LabHistory, LabTopic } from './lab-history.js';
import { SeededRandom } from '@kafka-assignors/core/simulator';

export interface HistorySettings {
  readonly seed: number;
  /** Members when the group forms. */
  readonly members: number;
  readonly topics: number;
  /** Partitions over all topics when the group forms. */
  readonly partitions: number;
  readonly rounds: number;
  /** 0: neither members nor replicas have racks. */
  readonly racks: number;
  readonly churn: ChurnMix;
}

export const DEFAULT_HISTORY_SETTINGS: HistorySettings = {
  seed: 1,
  members: 6,
  topics: 4,
  partitions: 48,
  rounds: 30,
  racks: 0,
  churn: DEFAULT_CHURN_MIX,
};

const SUBSCRIBE_PROBABILITY = 0.75;
const MAX_NEW_PARTITIONS = 4;
const REPLICATION_FACTOR = 3;

/**
 * A random history that depends on the settings alone. Topics get their partitions in random shares; each
 * member subscribes to each topic with probability 3/4 (to one at least). Each round draws one event from
 * the churn mix among those that make sense then: nobody leaves, crashes or expires when one member is
 * left, only expired members rejoin, and the last topic is not deleted. When none of the mix makes sense,
 * the round passes without an event.
 */
export function generateHistory(settings: HistorySettings): LabHistory {
  const random = new SeededRandom(settings.seed);
  const topicName = (index: number) => `topic-${index + 1}`;
  const topicNames = Array.from({ length: settings.topics }, (_, index) => topicName(index));
  const racks = Array.from({ length: settings.racks }, (_, index) => `rack-${index + 1}`);
  /** Replicas of consecutive partitions start on consecutive racks, shifted per topic so that topics differ. */
  const replicaRacks = (topicIndex: number, first: number, count: number) =>
    racks.length === 0
      ? null
      : Array.from({ length: count }, (_, offset) => {
          const start = (topicIndex + first + offset) % racks.length;
          return [...racks.slice(start), ...racks.slice(0, start)].slice(0, REPLICATION_FACTOR);
        });
  const drawTopics = () => {
    const topics = topicNames.filter(() => random.chance(SUBSCRIBE_PROBABILITY));
    return topics.length > 0 ? topics : [random.pick(topicNames)];
  };
  let joins = 0;
  const join = (rackId: string | null): JoinEvent => {
    joins += 1;
    return { event: 'join', member: `member-${joins}`, topics: drawTopics(), rackId, isStatic: false };
  };

  const topics: LabTopic[] = shares(settings.partitions, settings.topics, random).map((partitions, index) => ({
    name: topicName(index),
    partitions,
    replicaRacks: replicaRacks(index, 0, partitions),
  }));
  const members = Array.from({ length: settings.members }, (_, index) => join(racks.length === 0 ? null : (racks[index % racks.length] ?? null)));
  const membership = new GroupMembership(topics);
  for (const member of members) membership.apply(member);

  const makesSense = (kind: LabEventKind): boolean => {
    switch (kind) {
      case 'join':
      case 'add-partitions':
        return true;
      case 'leave':
      case 'crash':
      case 'expire':
        return membership.members.length > 1;
      case 'rejoin':
        return membership.expired.length > 0;
      case 'subscribe':
        return membership.members.length > 0;
      case 'delete-topic':
        return membership.topics.length > 1;
    }
  };
  const draw = (kind: LabEventKind): LabEvent => {
    switch (kind) {
      case 'join':
        return join(racks.length === 0 ? null : random.pick(racks));
      case 'leave':
      case 'crash':
      case 'expire':
        return { event: kind, member: random.pick(membership.members) };
      case 'rejoin':
        return { event: kind, member: random.pick(membership.expired) };
      case 'subscribe':
        return { event: kind, member: random.pick(membership.members), topics: drawTopics() };
      case 'add-partitions': {
        const topicIndex = random.below(settings.topics);
        const topic = topicName(topicIndex);
        const count = 1 + random.below(MAX_NEW_PARTITIONS);
        return { event: kind, topic, count, replicaRacks: replicaRacks(topicIndex, membership.partitionCount(topic), count) };
      }
      case 'delete-topic':
        return { event: kind, topic: random.pick(membership.topics) };
    }
  };

  const rounds = Array.from({ length: settings.rounds }, (): LabEvent[] => {
    const choices = [...settings.churn].filter(([kind, weight]) => weight > 0 && makesSense(kind));
    if (choices.length === 0) return [];
    const event = draw(weighted(choices, random));
    membership.apply(event);
    return [event];
  });
  return { origin: describeSettings(settings), topics, members, rounds };
}

function describeSettings(settings: HistorySettings): string {
  const racks = settings.racks === 0 ? 'no racks' : `${settings.racks} racks`;
  return `seed ${settings.seed}: ${settings.members} members, ${settings.topics} topics, ${settings.partitions} partitions, ${racks}; ${settings.rounds} rounds of churn ${formatChurnMix(settings.churn)}`;
}

/** `total` split into `parts` random shares of at least one each. */
function shares(total: number, parts: number, random: SeededRandom): number[] {
  const weights = Array.from({ length: parts }, () => 1 + 2 * random.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((weight) => 1 + Math.floor(((total - parts) * weight) / sum));
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let index = 0; left > 0; index = (index + 1) % parts, left -= 1) counts[index] = (counts[index] ?? 0) + 1;
  return counts;
}

function weighted<T>(choices: readonly (readonly [T, number])[], random: SeededRandom): T {
  let point = random.next() * choices.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [choice, weight] of choices) {
    point -= weight;
    if (point < 0) return choice;
  }
  const last = choices.at(-1);
  if (last === undefined) throw new RangeError('no choice to draw from');
  return last[0];
}
