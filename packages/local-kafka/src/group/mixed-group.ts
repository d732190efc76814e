import { Kafka, logLevel } from 'kafkajs';
import { assignmentJson, type Assignor, type Group } from '@kafka-assignors/core';
import { createTopic } from '../create-topic.js';
import { startJavaPeer, type JavaPeer } from '../java-peer.js';
import type { ConsumedEvent, PartitionsEvent } from '../peer-event.js';
import { uniqueName } from '../unique-name.js';
import { GroupLedger } from './group-ledger.js';
import { FAST_GROUP, startKafkaJSMember, type KafkaJSGroupMember } from './kafkajs-group-member.js';

export interface MixedGroupOptions {
  readonly brokers: string[];
  readonly bootstrap: string;
  /** Our assignor, used by the KafkaJS members through the adapter. */
  readonly createAssignor: () => Assignor;
  /** The Java client's class for the same protocol, e.g. org.apache.kafka.clients.consumer.RangeAssignor. */
  readonly javaStrategy: string;
  readonly leader: 'KafkaJS' | 'Java';
  readonly partitions: number;
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
  /** Member id to the partitions it processed messages of, produced once the group had settled. */
  readonly consumed: ReadonlyMap<string, readonly string[]>;
  /** The group as its leader saw it, for computing the expected assignment. */
  readonly group: Group;
}

/**
 * Forms a group of two KafkaJS consumers (our assignor) and one Java consumer (the Java client's assignor of
 * the same protocol), the chosen side joining first so that it leads; once every member holds partitions of
 * one generation, produces ten messages to every partition and waits until all are processed.
 */
export async function runMixedGroup(options: MixedGroupOptions): Promise<MixedGroupRun> {
  const topic = uniqueName('mixed');
  const groupId = uniqueName('mixed');
  const client = new Kafka({ clientId: 'mixed-group', brokers: options.brokers, logLevel: logLevel.NOTHING });
  const admin = client.admin();
  const producer = client.producer();
  await Promise.all([admin.connect(), producer.connect()]);
  await createTopic(admin, topic, options.partitions);

  const ledger = new GroupLedger();
  const nodes: KafkaJSGroupMember[] = [];
  let java: JavaPeer | undefined;
  try {
    const startNode = async (clientId: string) => {
      const assignor = options.createAssignor();
      nodes.push(await startKafkaJSMember({ brokers: options.brokers, groupId, topic, clientId, assignor, ledger }));
    };
    const startJava = async () => {
      java = await startJavaPeer({
        brokers: options.bootstrap,
        groupId,
        topics: [topic],
        strategies: [options.javaStrategy],
        clientId: 'java',
        sessionTimeoutMs: FAST_GROUP.sessionTimeout,
      });
      await java.waitFor((event) => event.event === 'assigned');
      return java;
    };
    if (options.leader === 'Java') await startJava();
    await startNode('node-a');
    await startNode('node-b');
    const peer = java ?? (await startJava());

    const settled = await peer.waitFor(
      (event): event is PartitionsEvent =>
        event.event === 'assigned' && event.generation === ledger.latestGeneration()?.generationId && ledger.latestGeneration()?.members.length === 2,
    );
    const assigned = new Map<string, readonly string[]>(ledger.latestGeneration()?.members.map(({ memberId, partitions }) => [memberId, [...partitions].sort()]));
    assigned.set(settled.memberId, settled.partitions.map(({ partition }) => `${topic}-${partition}`).sort());

    const keys = Array.from({ length: options.partitions * 10 }, (_, i) => i);
    await producer.send({ topic, messages: keys.map((i) => ({ key: `m-${i}`, value: 'v', partition: i % options.partitions })) });
    const javaShare = settled.partitions.length * 10;
    await ledger.changes.until(() => ledger.distinctMessages === keys.length - javaShare, () => `the KafkaJS members' messages; ${ledger.describe()}`);
    const javaConsumed = await peer.waitFor(
      (event): event is ConsumedEvent => event.event === 'consumed' && event.records.reduce((sum, { count }) => sum + count, 0) === javaShare,
    );

    const consumed = new Map<string, readonly string[]>(nodes.map((node) => [node.memberId() ?? '', node.consumedPartitions()]));
    consumed.set(settled.memberId, javaConsumed.records.map(({ partition }) => `${topic}-${partition}`).sort());
    const [description] = (await admin.describeGroups([groupId])).groups;
    const memberIds = [...assigned.keys()];
    return {
      topic,
      protocol: description?.protocol ?? '',
      javaMemberId: settled.memberId,
      kafkajsLeads: nodes.some((node) => node.isLeader()),
      assigned,
      consumed,
      group: {
        topics: new Map([[topic, { partitionCount: options.partitions }]]),
        members: memberIds.map((memberId) => ({
          memberId,
          groupInstanceId: null,
          subscription: { topics: [topic], userData: null, ownedPartitions: [], generationId: -1, rackId: null },
        })),
      },
    };
  } finally {
    await Promise.all([...nodes.map((node) => node.stop()), java?.stop()]);
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
  }
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
