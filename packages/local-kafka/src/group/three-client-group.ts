import type { Assignor } from '@kafka-assignors/core';
import type { JavaPeer } from '../java-peer.js';
import type { ConsumedEvent } from '../peer-event.js';
import { GroupLedger } from './group-ledger.js';
import { startKafkaJSMember, type KafkaJSGroupMember } from './kafkajs-group-member.js';
import { startPlatformaticMember, type PlatformaticMember } from './platformatic-member.js';
import type { PlatformaticMemberAssignor } from './platformatic-member-event.js';
import { openTestGroup, startRecordedJavaPeer } from './test-group.js';

export type GroupClient = 'KafkaJS' | 'platformatic' | 'Java';

export interface ThreeClientGroupOptions {
  readonly brokers: string[];
  readonly bootstrap: string;
  /** The protocol every member offers: the project's assignor of that name on the Node members, the Java client's on the Java member. */
  readonly protocol: PlatformaticMemberAssignor & ('range' | 'roundrobin' | 'sticky' | 'cooperative-sticky');
  /** Our assignor of `protocol`, for the KafkaJS member. */
  readonly createAssignor: () => Assignor;
  /** The Java client's class for `protocol`. */
  readonly javaStrategy: string;
  /** The client whose member joins first, and so leads. */
  readonly leader: GroupClient;
  readonly partitions: number;
}

/** What a settled group of one KafkaJS, one @platformatic/kafka and one Java member held, and what each consumed. */
export interface ThreeClientGroupRun {
  readonly topic: string;
  /** The protocol the broker chose, from DescribeGroups. */
  readonly protocol: string;
  /** The client whose member led the settled generation. */
  readonly leader: GroupClient;
  /** Member id to its client. */
  readonly clients: ReadonlyMap<string, GroupClient>;
  /** Member id to the partitions it holds in the settled generation, as sorted `topic-partition`. */
  readonly assigned: ReadonlyMap<string, readonly string[]>;
  /**
   * Member id to the partitions it processed messages of, produced once the group had settled; for the
   * @platformatic/kafka member, those it held when its stream delivered them.
   */
  readonly consumed: ReadonlyMap<string, readonly string[]>;
  /**
   * Partitions whose records the @platformatic/kafka member's stream delivered while the member did not hold them
   * (a fetch sent before a rebalance, answered after it), and whether it had held each of them earlier.
   */
  readonly platformaticStale: { readonly partitions: readonly string[]; readonly everHeld: boolean };
  /** Partitions two members held in one generation, from the start. */
  readonly heldTwice: readonly string[];
  /** What the KafkaJS member's consumer crashed with and what the @platformatic/kafka member reported as errors. */
  readonly errors: readonly string[];
}

/**
 * Forms a group of one KafkaJS consumer and one @platformatic/kafka consumer (the project's assignor, through
 * each adapter) and one Java consumer (the Java client's assignor of the same protocol), `leader`'s member
 * joining first; waits until one generation gives every partition to exactly one of the three, then produces ten
 * messages to every partition and waits until each member has processed those of its partitions.
 */
export async function runThreeClientGroup(options: ThreeClientGroupOptions): Promise<ThreeClientGroupRun> {
  const testGroup = await openTestGroup(options.brokers, 'three-clients', options.partitions);
  const { topic, groupId, partitions, admin } = testGroup;

  const ledger = new GroupLedger();
  const clients = new Map<string, GroupClient>();
  let kafkajs: KafkaJSGroupMember | undefined;
  let platformatic: PlatformaticMember | undefined;
  let java: JavaPeer | undefined;
  const platformaticConsumed = new Set<string>();
  const platformaticStale = new Set<string>();
  const platformaticEverHeld = new Set<string>();
  const errors = (): string[] => [
    ...(kafkajs?.crashes ?? []),
    ...(platformatic?.events.flatMap((event) => (event.event === 'error' ? [event.message] : [])) ?? []),
  ];

  const start: Record<GroupClient, () => Promise<void>> = {
    KafkaJS: async () => {
      kafkajs = await startKafkaJSMember({ brokers: options.brokers, groupId, topic, clientId: 'kafkajs', assignor: options.createAssignor(), ledger });
      await ledger.changes.until(() => kafkajs?.memberId() !== undefined, () => 'the KafkaJS member to join');
      const memberId = kafkajs.memberId() ?? '';
      clients.set(memberId, 'KafkaJS');
    },
    platformatic: async () => {
      const member = await startPlatformaticMember({ brokers: options.brokers, groupId, topics: [topic], clientId: 'platformatic', assignor: options.protocol });
      platformatic = member;
      member.onEvent((event) => {
        if (event.event === 'joined') {
          clients.set(event.memberId, 'platformatic');
        } else if (event.event === 'assigned') {
          for (const partition of event.partitions) platformaticEverHeld.add(partition);
          ledger.recordHolding(event.generationId, { memberId: event.memberId, partitions: event.partitions });
        } else if (event.event === 'consumed') {
          // A record of a partition the member no longer holds is another member's to process: counting it here
          // would let the wait below end before its holder has processed it.
          if (!event.held) {
            platformaticStale.add(event.partition);
            return;
          }
          platformaticConsumed.add(event.partition);
          ledger.recordDelivery(event.key);
        }
      });
      await member.waitFor((event) => event.event === 'ready', 60_000);
    },
    Java: async () => {
      java = await startRecordedJavaPeer(options.bootstrap, testGroup, options.javaStrategy, ledger, (memberId) => clients.set(memberId, 'Java'));
    },
  };

  try {
    const order: GroupClient[] = [options.leader, ...(['KafkaJS', 'platformatic', 'Java'] as const).filter((name) => name !== options.leader)];
    for (const name of order) await start[name]();

    const settled = await ledger.changes.untilFound(
      () => ledger.settledGeneration(3, partitions),
      () => `3 members holding each of ${options.partitions} partitions once; ${ledger.describe()}; errors: ${JSON.stringify(errors())}`,
    );
    const assigned = new Map(settled.members.map(({ memberId, partitions: held }) => [memberId, [...held].sort()] as const));
    const memberOf = (name: GroupClient): string => [...clients].find(([memberId, owner]) => owner === name && assigned.has(memberId))?.[0] ?? '';

    const produced = await testGroup.produceTenEach();
    const javaShare = (assigned.get(memberOf('Java'))?.length ?? 0) * 10;
    await ledger.changes.until(() => ledger.distinctMessages === produced - javaShare, () => `the Node members' messages; ${ledger.describe()}`);
    const javaConsumed = await (java as JavaPeer).waitFor(
      (event): event is ConsumedEvent => event.event === 'consumed' && event.records.reduce((sum, { count }) => sum + count, 0) === javaShare,
    );

    const consumed = new Map<string, readonly string[]>([
      [memberOf('KafkaJS'), kafkajs?.consumedPartitions() ?? []],
      [memberOf('platformatic'), [...platformaticConsumed].sort()],
      [memberOf('Java'), javaConsumed.records.map(({ partition }) => `${topic}-${partition}`).sort()],
    ]);
    const [description] = (await admin.describeGroups([groupId])).groups;
    const platformaticLeads = platformatic?.events.some((event) => event.event === 'joined' && event.generationId === settled.generationId && event.isLeader) === true;
    return {
      topic,
      protocol: description?.protocol ?? '',
      leader: kafkajs?.isLeader() === true ? 'KafkaJS' : platformaticLeads ? 'platformatic' : 'Java',
      clients,
      assigned,
      consumed,
      heldTwice: ledger.partitionsHeldTwice(),
      platformaticStale: { partitions: [...platformaticStale].sort(), everHeld: [...platformaticStale].every((partition) => platformaticEverHeld.has(partition)) },
      errors: errors(),
    };
  } finally {
    await Promise.all([kafkajs?.stop(), platformatic?.stop(), java?.stop()]);
    await testGroup.close();
  }
}
