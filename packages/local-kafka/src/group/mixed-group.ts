import { type Assignor, type Group } from '@kafka-assignors/core';
import { assignmentJson } from '@kafka-assignors/core/scenario';
import type { JavaPeer } from '../java-peer.js';
import type { ConsumedEvent } from '../peer-event.js';
import { GroupLedger, type Generation } from './group-ledger.js';
import { startKafkaJSMember, type KafkaJSGroupMember } from './kafkajs-group-member.js';
import { openTestGroup, startRecordedJavaPeer } from './test-group.js';

export interface MixedGroupOptions {
  readonly brokers: string[];
  readonly bootstrap: string;
  /** Our assignor, used by the KafkaJS members through the adapter. */
  readonly createAssignor: () => Assignor;
  /** The Java client's class for the same protocol, e.g. org.apache.kafka.clients.consumer.RangeAssignor. */
  readonly javaStrategy: string;
  readonly leader: 'KafkaJS' | 'Java';
  readonly partitions: number;
  /** Once the group has consumed, stop a KafkaJS member that does not lead, and report how the other two settle. */
  readonly stopKafkaJSFollower?: boolean;
}

/** What a settled group of two KafkaJS members and one Java member held, and what each then consumed. */
export interface MixedGroupRun {
  readonly topic: string;
  /** The protocol the broker chose, from DescribeGroups. */
  readonly protocol: string;
  readonly javaMemberId: string;
  readonly kafkajsLeads: boolean;
  /** Member id to the partitions it was assigned in the settled generation, as sorted `topic-partition`. */
  readonly assigned: ReadonlyMap<string, readonly string[]>;
  /**
   * Generations from the first in which all three members were assigned to the settled one, both counted: 1 when
   * that first assignment was final, more when a cooperative leader held partitions back for a round.
   */
  readonly rounds: number;
  /** Member id to the partitions it processed messages of, produced once the group had settled. */
  readonly consumed: ReadonlyMap<string, readonly string[]>;
  /** What the KafkaJS members' consumers crashed with, such as INCONSISTENT_GROUP_PROTOCOL. */
  readonly kafkajsCrashes: readonly string[];
  /** The group as its leader saw it, for computing the expected assignment. */
  readonly group: Group;
  /** With `stopKafkaJSFollower`: how the two members left settled. */
  readonly afterDeparture: Departure | undefined;
}

export interface Departure {
  /** The KafkaJS member that left. */
  readonly memberId: string;
  /** Member id to the partitions it was assigned in the generation the two left settled in, as sorted `topic-partition`. */
  readonly assigned: ReadonlyMap<string, readonly string[]>;
  /** Generations from the first after the departure to the settled one, both counted. */
  readonly rounds: number;
}

/**
 * Forms a group of two KafkaJS consumers (our assignor) and one Java consumer (the Java client's assignor of
 * the same protocol), the chosen side joining first so that it leads; waits until the group has settled (one
 * generation in which the three members hold every partition exactly once), then produces ten messages to every
 * partition and waits until all are processed. With `stopKafkaJSFollower`, then stops a KafkaJS member that does
 * not lead and waits until the other two have settled.
 */
export async function runMixedGroup(options: MixedGroupOptions): Promise<MixedGroupRun> {
  const testGroup = await openTestGroup(options.brokers, 'mixed', options.partitions);
  const { topic, groupId, partitions, admin } = testGroup;

  const ledger = new GroupLedger();
  const nodes: KafkaJSGroupMember[] = [];
  let java: JavaPeer | undefined;
  let javaMemberId = '';
  const crashes = () => nodes.flatMap((node) => node.crashes);
  /** The first generation after `after` that settles with `memberCount` members, and how many generations that took. */
  const settle = async (memberCount: number, after: number): Promise<{ settled: Generation; rounds: number }> => {
    const settled = await ledger.changes.untilFound(
      () => {
        const generation = ledger.settledGeneration(memberCount, partitions);
        return generation !== undefined && generation.generationId > after ? generation : undefined;
      },
      () => `${memberCount} members holding each of ${options.partitions} partitions once; ${ledger.describe()}; KafkaJS crashes: ${JSON.stringify(crashes())}`,
    );
    const first = ledger.firstGenerationOf(memberCount, after) ?? settled.generationId;
    return { settled, rounds: settled.generationId - first + 1 };
  };

  try {
    const startNode = async (clientId: string) => {
      const assignor = options.createAssignor();
      nodes.push(await startKafkaJSMember({ brokers: options.brokers, groupId, topic, clientId, assignor, ledger }));
    };
    const startJava = async (): Promise<JavaPeer> => {
      java = await startRecordedJavaPeer(options.bootstrap, testGroup, options.javaStrategy, ledger, (memberId) => (javaMemberId = memberId));
      return java;
    };
    // The Java member joins before the last KafkaJS member, which must then take partitions from it: under
    // cooperative-sticky that is the two-round hand-over, from the Java member's own assignor or from ours.
    if (options.leader === 'KafkaJS') await startNode('node-a');
    const peer = await startJava();
    if (options.leader === 'Java') await startNode('node-a');
    await startNode('node-b');

    const formed = await settle(3, -1);
    const assigned = assignmentOf(formed.settled);

    const produced = await testGroup.produceTenEach();
    const javaShare = (assigned.get(javaMemberId)?.length ?? 0) * 10;
    await ledger.changes.until(() => ledger.distinctMessages === produced - javaShare, () => `the KafkaJS members' messages; ${ledger.describe()}`);
    const javaConsumed = await peer.waitFor(
      (event): event is ConsumedEvent => event.event === 'consumed' && event.records.reduce((sum, { count }) => sum + count, 0) === javaShare,
    );

    const consumed = new Map<string, readonly string[]>(nodes.map((node) => [node.memberId() ?? '', node.consumedPartitions()]));
    consumed.set(javaMemberId, javaConsumed.records.map(({ partition }) => `${topic}-${partition}`).sort());
    const [description] = (await admin.describeGroups([groupId])).groups;
    const kafkajsLeads = nodes.some((node) => node.isLeader());

    let afterDeparture: Departure | undefined;
    if (options.stopKafkaJSFollower === true) {
      const follower = nodes.find((node) => !node.isLeader());
      if (follower === undefined) throw new Error('both KafkaJS members lead');
      await follower.stop();
      const regrouped = await settle(2, formed.settled.generationId);
      afterDeparture = { memberId: follower.memberId() ?? '', assigned: assignmentOf(regrouped.settled), rounds: regrouped.rounds };
    }

    return {
      topic,
      protocol: description?.protocol ?? '',
      javaMemberId,
      kafkajsLeads,
      assigned,
      rounds: formed.rounds,
      consumed,
      kafkajsCrashes: crashes(),
      group: {
        topics: new Map([[topic, { partitionCount: options.partitions }]]),
        members: [...assigned.keys()].map((memberId) => ({
          memberId,
          groupInstanceId: null,
          subscription: { topics: [topic], userData: null, ownedPartitions: [], generationId: -1, rackId: null },
        })),
      },
      afterDeparture,
    };
  } finally {
    await Promise.all([...nodes.map((node) => node.stop()), java?.stop()]);
    await testGroup.close();
  }
}

/** Member id to sorted `topic-partition`. */
function assignmentOf({ members }: Generation): Map<string, readonly string[]> {
  return new Map(members.map(({ memberId, partitions }) => [memberId, [...partitions].sort()]));
}

/** What `assignor` gives the run's group, in the run's terms: member id to sorted `topic-partition`. */
export function expectedAssignment(run: MixedGroupRun, assignor: Assignor): Record<string, string[]> {
  const { assignment } = assignmentJson([...run.assigned.keys()], assignor.assign(run.group));
  return Object.fromEntries(
    Object.entries(assignment).map(([memberId, entries]) => [
      memberId,
      entries.flatMap(({ topic, partitions }) => partitions.map((partition) => `${topic}-${partition}`)).sort(),
    ]),
  );
}
