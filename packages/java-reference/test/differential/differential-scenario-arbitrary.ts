import fc from 'fast-check';
import type { Scenario, ScenarioMember, ScenarioTopic } from '@kafka-assignors/core/scenario';

const BROKER_RACKS = ['a', 'b', 'c', 'd'];
/** Upper and lower case, so that the UTF-16 order of names matters. */
const TOPIC_NAMES = ['t0', 't1', 't2', 't3', 'orders', 'Orders', 'deleted', 't9'];
/** Partition counts drawn mostly from a few values, and 0: a topic without partitions has no metadata. */
const COMMON_PARTITION_COUNTS = [0, 1, 2, 3, 4, 6];
const MAX_PARTITIONS = 24;
const MAX_MEMBERS = 9;
const MAX_PATTERNS = 3;
/** Ids whose order differs between UTF-16 code units (what Java and JavaScript compare) and code points. */
const AWKWARD_MEMBER_IDS = ['consumer-\u{1F600}', 'consumer-\uFF5E', 'Consumer', 'consumer', 'consumer-10', 'consumer-9'];
/** Built once: a regular expression arbitrary is costly to build. */
const MEMBER_ID = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,7}$/), fc.constantFrom(...AWKWARD_MEMBER_IDS));

/**
 * How a topic's replicas sit on racks: no racks at all; every partition on every rack (rack awareness has
 * nothing to gain); a rotation as in the Java client's tests (replica j of partition p on rack
 * (p + j + offset) mod racks; with offset 0 and one replica, co-partitioned topics line up); or random racks per
 * partition, some partitions on none.
 */
type ReplicaPlacement =
  | { readonly kind: 'none' }
  | { readonly kind: 'every-rack' }
  | { readonly kind: 'rotation'; readonly replicas: number; readonly offset: number }
  | { readonly kind: 'random'; readonly racks: readonly (readonly string[])[] };

/**
 * Scenarios for comparing an assignor with the Java client's.
 *
 * Topic names are cut into blocks that members always subscribe to whole, and the topics of a block mostly
 * share a partition count, so that co-partitioned topics (same subscribers, same partition count) are common;
 * members subscribe to the blocks of one of a few shared patterns, or to topics of their own. Some subscribed
 * topics have no partitions or are missing from the metadata, some members have no topics or list one twice.
 * Members are static or dynamic, with a broker rack, another rack, an empty one or none; replicas cover every
 * rack, some, or none.
 */
export function differentialScenarioArbitrary(): fc.Arbitrary<Scenario> {
  return fc
    .record({ rackCount: fc.integer({ min: 0, max: BROKER_RACKS.length }), blocks: topicBlocksArbitrary() })
    .chain(({ rackCount, blocks }) => {
      const brokerRacks = BROKER_RACKS.slice(0, rackCount);
      return fc.record({
        topics: fc.tuple(...blocks.map((block) => blockTopicsArbitrary(block, brokerRacks))).map((perBlock) => perBlock.flat()),
        patterns: fc.array(fc.subarray(blocks).map((chosen) => chosen.flat()), { minLength: 1, maxLength: MAX_PATTERNS }),
        members: fc.uniqueArray(memberDraftArbitrary(brokerRacks), { minLength: 1, maxLength: MAX_MEMBERS, selector: (member) => member.memberId }),
      });
    })
    .map(({ topics, patterns, members }): Scenario => ({ topics, members: members.map((draft) => scenarioMember(draft, patterns, members)) }));
}

/** The topic names in random order, cut into blocks of one or more. */
function topicBlocksArbitrary(): fc.Arbitrary<string[][]> {
  return fc
    .tuple(
      fc.shuffledSubarray(TOPIC_NAMES, { minLength: TOPIC_NAMES.length }),
      fc.array(fc.boolean(), { minLength: TOPIC_NAMES.length, maxLength: TOPIC_NAMES.length }),
    )
    .map(([names, cutBefore]) =>
      names.reduce<string[][]>((blocks, name, index) => {
        const last = blocks[blocks.length - 1];
        if (last === undefined || cutBefore[index] === true) blocks.push([name]);
        else last.push(name);
        return blocks;
      }, []),
    );
}

const partitionCountArbitrary = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...COMMON_PARTITION_COUNTS) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: MAX_PARTITIONS }) },
);

/** The topics of a block that exist, usually all with the block's partition count. */
function blockTopicsArbitrary(block: readonly string[], brokerRacks: readonly string[]): fc.Arbitrary<ScenarioTopic[]> {
  const topic = fc.record({
    exists: fc.nat({ max: 5 }).map((draw) => draw > 0),
    ownCount: fc.option(partitionCountArbitrary, { nil: null, freq: 3 }),
  });
  return fc
    .record({ blockCount: partitionCountArbitrary, topics: fc.tuple(...block.map(() => topic)) })
    .chain(({ blockCount, topics }) =>
      fc.tuple(
        ...block.flatMap((name, index) => {
          const { exists, ownCount } = topics[index] ?? { exists: false, ownCount: null };
          if (!exists) return [];
          const partitions = ownCount ?? blockCount;
          return [placementArbitrary(brokerRacks, partitions).map((placement) => scenarioTopic(name, partitions, placement, brokerRacks))];
        }),
      ),
    );
}

function placementArbitrary(brokerRacks: readonly string[], partitions: number): fc.Arbitrary<ReplicaPlacement> {
  if (brokerRacks.length === 0) return fc.constant({ kind: 'none' });
  return fc.oneof(
    fc.constant<ReplicaPlacement>({ kind: 'none' }),
    fc.constant<ReplicaPlacement>({ kind: 'every-rack' }),
    fc
      .record({ replicas: fc.integer({ min: 1, max: brokerRacks.length }), offset: fc.oneof(fc.constant(0), fc.nat({ max: brokerRacks.length - 1 })) })
      .map((rotation): ReplicaPlacement => ({ kind: 'rotation', ...rotation })),
    fc
      .array(fc.subarray([...brokerRacks]), { minLength: partitions, maxLength: partitions })
      .map((racks): ReplicaPlacement => ({ kind: 'random', racks })),
  );
}

function scenarioTopic(name: string, partitions: number, placement: ReplicaPlacement, brokerRacks: readonly string[]): ScenarioTopic {
  const rackAt = (index: number) => brokerRacks[index % brokerRacks.length] ?? '';
  switch (placement.kind) {
    case 'none':
      return { name, partitions };
    case 'every-rack':
      return { name, partitions, replicaRacks: Array.from({ length: partitions }, () => [...brokerRacks]) };
    case 'rotation':
      return {
        name,
        partitions,
        replicaRacks: Array.from({ length: partitions }, (_, partition) =>
          Array.from({ length: placement.replicas }, (_, replica) => rackAt(partition + replica + placement.offset)),
        ),
      };
    case 'random':
      return { name, partitions, replicaRacks: placement.racks.map((racks) => [...racks]) };
  }
}

interface MemberDraft {
  readonly memberId: string;
  /** An index into the group's instance ids; only the first member drawing an index is static. */
  readonly instance: number | null;
  readonly rackId: string | null;
  /** Which shared subscription pattern the member uses, or its own topics. */
  readonly subscription: { readonly pattern: number } | { readonly own: readonly string[] };
  readonly listsFirstTopicTwice: boolean;
}

function memberDraftArbitrary(brokerRacks: readonly string[]): fc.Arbitrary<MemberDraft> {
  return fc.record({
    memberId: MEMBER_ID,
    instance: fc.option(fc.nat({ max: MAX_MEMBERS }), { nil: null, freq: 2 }),
    rackId: fc.oneof(
      { weight: 2, arbitrary: fc.constant(null) },
      { weight: 5, arbitrary: brokerRacks.length === 0 ? fc.constantFrom('a', 'b') : fc.constantFrom(...brokerRacks) },
      { weight: 1, arbitrary: fc.constantFrom('z', '') },
    ),
    subscription: fc.oneof(
      { weight: 5, arbitrary: fc.nat({ max: MAX_PATTERNS - 1 }).map((pattern) => ({ pattern })) },
      { weight: 1, arbitrary: fc.shuffledSubarray(TOPIC_NAMES, { maxLength: 4 }).map((own) => ({ own })) },
    ),
    listsFirstTopicTwice: fc.nat({ max: 7 }).map((draw) => draw === 0),
  });
}

function scenarioMember(draft: MemberDraft, patterns: readonly (readonly string[])[], drafts: readonly MemberDraft[]): ScenarioMember {
  const chosen = 'pattern' in draft.subscription ? (patterns[draft.subscription.pattern % patterns.length] ?? []) : draft.subscription.own;
  const topics = draft.listsFirstTopicTwice && chosen.length > 0 ? [...chosen, chosen[0] ?? ''] : [...chosen];
  // Instance ids are unique in a group (the broker fences a second member with the same one).
  const isStatic = draft.instance !== null && drafts.find((other) => other.instance === draft.instance) === draft;
  return {
    memberId: draft.memberId,
    topics,
    ...(isStatic ? { groupInstanceId: `instance-${String(draft.instance)}` } : {}),
    ...(draft.rackId === null ? {} : { rackId: draft.rackId }),
  };
}
