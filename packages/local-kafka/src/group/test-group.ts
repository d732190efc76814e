import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { createTopic } from '../create-topic.js';
import { startJavaPeer, type JavaPeer } from '../java-peer.js';
import { uniqueName } from '../unique-name.js';
import type { GroupLedger } from './group-ledger.js';
import { FAST_GROUP } from './kafkajs-group-member.js';

/** A fresh topic and group id for one test group, with an admin and a producer for them. */
export interface TestGroup {
  readonly topic: string;
  readonly groupId: string;
  /** Every partition of the topic, as `topic-partition`. */
  readonly partitions: readonly string[];
  readonly admin: Admin;
  readonly producer: Producer;
  /** Produces ten messages to every partition, keyed `m-0`, `m-1`, … */
  produceTenEach(): Promise<number>;
  /** Deletes the topic and disconnects. */
  close(): Promise<void>;
}

export async function openTestGroup(brokers: string[], prefix: string, partitionCount: number): Promise<TestGroup> {
  const topic = uniqueName(prefix);
  const groupId = uniqueName(prefix);
  const client = new Kafka({ clientId: prefix, brokers, logLevel: logLevel.NOTHING });
  const admin = client.admin();
  const producer = client.producer();
  await Promise.all([admin.connect(), producer.connect()]);
  await createTopic(admin, topic, partitionCount);
  return {
    topic,
    groupId,
    partitions: Array.from({ length: partitionCount }, (_, partition) => `${topic}-${partition}`),
    admin,
    producer,
    produceTenEach: async () => {
      const keys = Array.from({ length: partitionCount * 10 }, (_, i) => i);
      await producer.send({ topic, messages: keys.map((i) => ({ key: `m-${i}`, value: 'v', partition: i % partitionCount })) });
      return keys.length;
    },
    close: async () => {
      await producer.disconnect();
      await admin.deleteTopics({ topics: [topic] });
      await admin.disconnect();
    },
  };
}

/**
 * A Java member of `group` with the Java client's `javaStrategy`, recording what it holds in each generation
 * in `ledger`; `onMemberId` hears its member id. Resolves once it was first assigned.
 */
export async function startRecordedJavaPeer(
  bootstrap: string,
  group: TestGroup,
  javaStrategy: string,
  ledger: GroupLedger,
  onMemberId: (memberId: string) => void,
): Promise<JavaPeer> {
  const peer = await startJavaPeer({
    brokers: bootstrap,
    groupId: group.groupId,
    topics: [group.topic],
    strategies: [javaStrategy],
    clientId: 'java',
    sessionTimeoutMs: FAST_GROUP.sessionTimeout,
  });
  peer.onEvent((event) => {
    if (event.event !== 'assigned') return;
    onMemberId(event.memberId);
    ledger.recordHolding(event.generation, { memberId: event.memberId, partitions: event.assignment.map(({ topic, partition }) => `${topic}-${partition}`) });
  });
  await peer.waitFor((event) => event.event === 'assigned');
  return peer;
}
