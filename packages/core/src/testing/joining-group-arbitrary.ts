import type { MemberContext } from '../assignor.js';
import type { ClusterMetadata, TopicPartitions } from '../model.js';
import { clusterArbitrary, DEFAULT_BROKER_RACKS, DEFAULT_TOPIC_NAMES, type ClusterArbitraryOptions } from './cluster-arbitrary.js';
import fc from './fast-check.js';
import type { JoiningGroup, JoiningMember } from './joining-group.js';

export const DEFAULT_MAX_MEMBERS = 8;

export interface JoiningGroupArbitraryOptions extends ClusterArbitraryOptions {
  /** At least one member is always present: the leader is a member. */
  readonly maxMembers?: number;
  /** The racks members run in (`client.rack`); the defaults include one without brokers and the empty string. */
  readonly memberRacks?: readonly string[];
}

interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** Where a member's context comes from: a first join, a rejoin after a rebalance, or a session that expired meanwhile. */
type MemberHistory = 'new' | 'rejoining' | 'zombie';

interface MemberDraft {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly rackId: string | null;
  readonly usesSharedTopics: boolean;
  readonly ownTopics: readonly string[];
  readonly history: MemberHistory;
  readonly generationId: number;
  readonly extraClaims: readonly TopicPartition[];
  readonly userDataOverride: Uint8Array | null | undefined;
}

const CLIENT_IDS = ['consumer', 'billing-app', 'ñandú'];
const STATIC_INSTANCE_IDS = ['pod-0', 'pod-1', 'pod-2', 'pod-3', 'pod-4', 'pod-5', 'pod-6', 'pod-7', 'pod-8', 'pod-9'];
const MAX_STALE_PARTITIONS_PER_TOPIC = 2;
const MAX_GENERATION = 3;
const MAX_EXTRA_CLAIMS = 3;

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}

/** Every partition the metadata has, in topic order. */
function existingPartitions(topics: ClusterMetadata): TopicPartition[] {
  return [...topics].flatMap(([topic, { partitionCount }]) => range(partitionCount).map((partition) => ({ topic, partition })));
}

/** Partitions a member may still claim although they no longer exist: past a topic's end, or of a deleted topic. */
function stalePartitions(topics: ClusterMetadata, topicNames: readonly string[]): TopicPartition[] {
  return topicNames.flatMap((topic) => {
    const first = topics.get(topic)?.partitionCount ?? 0;
    return range(MAX_STALE_PARTITIONS_PER_TOPIC).map((offset) => ({ topic, partition: first + offset }));
  });
}

function groupByTopic(partitions: readonly TopicPartition[]): TopicPartitions[] {
  const byTopic = new Map<string, Set<number>>();
  for (const { topic, partition } of partitions) {
    const set = byTopic.get(topic) ?? new Set<number>();
    byTopic.set(topic, set.add(partition));
  }
  return [...byTopic].map(([topic, set]) => ({ topic, partitions: [...set].sort((a, b) => a - b) }));
}

function memberDraftArbitrary(
  topicNames: readonly string[],
  claimable: readonly TopicPartition[],
  memberRacks: readonly string[],
): fc.Arbitrary<MemberDraft> {
  return fc.record({
    memberId: fc.tuple(fc.constantFrom(...CLIENT_IDS), fc.uuid({ version: 4 })).map(([clientId, uuid]) => `${clientId}-${uuid}`),
    groupInstanceId: fc.option(fc.constantFrom(...STATIC_INSTANCE_IDS), { nil: null, freq: 2 }),
    rackId: memberRacks.length === 0 ? fc.constant(null) : fc.option(fc.constantFrom(...memberRacks), { nil: null }),
    usesSharedTopics: fc.boolean(),
    ownTopics: fc.shuffledSubarray([...topicNames]),
    history: fc.oneof(
      { weight: 1, arbitrary: fc.constant<MemberHistory>('new') },
      { weight: 3, arbitrary: fc.constant<MemberHistory>('rejoining') },
      { weight: 1, arbitrary: fc.constant<MemberHistory>('zombie') },
    ),
    generationId: fc.integer({ min: 0, max: MAX_GENERATION }),
    extraClaims: fc.subarray([...claimable], { maxLength: Math.min(MAX_EXTRA_CLAIMS, claimable.length) }),
    userDataOverride: fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 32 }) },
    ),
  });
}

function joiningMember(draft: MemberDraft, topics: readonly string[], owned: readonly TopicPartition[]): JoiningMember {
  const context: MemberContext =
    draft.history === 'new'
      ? { memberId: null, generationId: -1, assignment: [], topics }
      : {
          // A zombie was expired by the broker and rejoins under a new id, remembering its old one.
          memberId: draft.history === 'zombie' ? `expired-${draft.memberId}` : draft.memberId,
          generationId: draft.generationId,
          assignment: groupByTopic(owned),
          topics,
        };
  const member = { memberId: draft.memberId, groupInstanceId: draft.groupInstanceId, rackId: draft.rackId, context };
  return draft.userDataOverride === undefined ? member : { ...member, userDataOverride: draft.userDataOverride };
}

/**
 * Groups as a leader may meet them: heterogeneous or identical subscriptions, members with no topics,
 * subscriptions to topics missing from metadata (deleted or not yet created), static members, racks
 * inside and outside the brokers' racks, new members next to ones that remember a previous assignment,
 * zombies, and previous ownership that conflicts (two members claiming a partition with equal or different
 * generations) or is stale (deleted topics, unsubscribed topics, indices past the partition count).
 * Some members send other user data than their assignor would: null or random bytes.
 */
export function joiningGroupArbitrary(options: JoiningGroupArbitraryOptions = {}): fc.Arbitrary<JoiningGroup> {
  const topicNames = options.topicNames ?? DEFAULT_TOPIC_NAMES;
  const maxMembers = options.maxMembers ?? DEFAULT_MAX_MEMBERS;
  const memberRacks = options.memberRacks ?? [...(options.brokerRacks ?? DEFAULT_BROKER_RACKS), 'rack-without-brokers', ''];
  return clusterArbitrary({ ...options, topicNames }).chain((topics) => {
    const existing = existingPartitions(topics);
    const claimable = [...existing, ...stalePartitions(topics, topicNames)];
    return fc
      .record({
        sharedTopics: fc.shuffledSubarray([...topicNames]),
        // Identical subscriptions take other paths in some assignors (Java's sticky), so they get their own share.
        allShareTopics: fc.boolean(),
        // The previous owner of each existing partition by member position; a position past the last member means none.
        previousOwners: fc.array(fc.integer({ min: 0, max: maxMembers }), { minLength: existing.length, maxLength: existing.length }),
        drafts: fc.uniqueArray(memberDraftArbitrary(topicNames, claimable, memberRacks), {
          minLength: 1,
          maxLength: maxMembers,
          comparator: (a, b) => a.memberId === b.memberId || (a.groupInstanceId !== null && a.groupInstanceId === b.groupInstanceId),
        }),
      })
      .map(({ sharedTopics, allShareTopics, previousOwners, drafts }): JoiningGroup => ({
        topics,
        members: drafts.map((draft, position) => {
          const memberTopics = allShareTopics || draft.usesSharedTopics ? sharedTopics : draft.ownTopics;
          const subscribed = new Set(memberTopics);
          // A clean previous assignment covers subscribed topics only; the extra claims add the conflicts and stale entries.
          const layoutShare = existing.filter((tp, index) => previousOwners[index] === position && subscribed.has(tp.topic));
          return joiningMember(draft, memberTopics, [...layoutShare, ...draft.extraClaims]);
        }),
      }));
  });
}
