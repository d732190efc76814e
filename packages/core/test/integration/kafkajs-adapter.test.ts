import { Kafka, logLevel, type Admin } from 'kafkajs';
import { afterAll, beforeAll, expect, onTestFinished, test } from 'vitest';
import { encodeSubscription } from '@kafka-assignors/core';
import { createTopic, FAST_GROUP, GroupLedger, startKafkaJSMember, uniqueName, type KafkaJSGroupMember } from '@kafka-assignors/local-kafka';
import { describeWithKafka } from '@kafka-assignors/local-kafka/vitest';
import { perTopicRoundRobinAssignor } from '../support/per-topic-round-robin-assignor.js';

const PARTITIONS = 12;

/**
 * A subscription whose version-0 part (topics, user data) is sound but whose owned-partitions count claims
 * far more entries than the bytes that follow, as a buggy client might write. Kafka 3.9's group coordinator
 * parses only the version-0 part, so these bytes reach the leader; bytes broken inside that part would not:
 * the coordinator itself fails the whole group's join with UNKNOWN_SERVER_ERROR.
 */
function brokenSubscription(topic: string): Buffer {
  const soundPart = encodeSubscription({ topics: [topic], userData: null, ownedPartitions: [], generationId: -1, rackId: null }, 0);
  return Buffer.concat([Buffer.from([0, 3]), soundPart.subarray(2), Buffer.from([0x7f, 0xff, 0xff, 0xff])]);
}

describeWithKafka('the KafkaJS adapter on a real broker', (kafka) => {
  let client: Kafka;
  let admin: Admin;

  beforeAll(async () => {
    client = new Kafka({ clientId: 'adapter-it', brokers: kafka.brokers, logLevel: logLevel.NOTHING });
    admin = client.admin();
    await admin.connect();
  });
  afterAll(() => admin.disconnect());

  /**
   * A fresh topic, group and producer for one test; afterwards its clients leave before the topic is deleted
   * (a KafkaJS producer that once sent to a deleted topic fails every later send).
   */
  async function groupUnderTest(prefix: string) {
    const topic = uniqueName(prefix);
    const groupId = uniqueName(prefix);
    await createTopic(admin, topic, PARTITIONS);
    const producer = client.producer();
    await producer.connect();
    const consumers: { stop(): Promise<void> }[] = [{ stop: () => producer.disconnect() }];
    onTestFinished(async () => {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await admin.deleteTopics({ topics: [topic] });
    });
    const ledger = new GroupLedger();
    const member = async (clientId: string): Promise<KafkaJSGroupMember> => {
      const assignor = perTopicRoundRobinAssignor();
      const started = await startKafkaJSMember({ brokers: kafka.brokers, groupId, topic, clientId, assignor, ledger });
      consumers.push(started);
      return started;
    };
    const produce = async (from: number, to: number): Promise<void> => {
      for (let start = from; start < to; start += 1000) {
        const keys = Array.from({ length: Math.min(1000, to - start) }, (_, i) => `message-${start + i}`);
        await producer.send({ topic, messages: keys.map((key) => ({ key, value: key })) });
      }
    };
    return { topic, groupId, ledger, member, produce, stopsWithTheTest: (consumer: { stop(): Promise<void> }) => consumers.push(consumer) };
  }

  /** The group has settled on `count` members that together hold every partition. */
  function settledOn(ledger: GroupLedger, count: number): () => boolean {
    return () => {
      const latest = ledger.latestGeneration();
      return latest?.members.length === count && latest.members.flatMap((m) => m.partitions).length === PARTITIONS;
    };
  }

  test('three consumers process all of 10,000 keyed messages, through a departure and a join, never sharing a partition', async () => {
    const { ledger, member, produce } = await groupUnderTest('adapter-consumption');
    const members = [await member('first')];
    members.push(...(await Promise.all(['second', 'third'].map(member))));
    await ledger.changes.until(settledOn(ledger, 3), () => `three members holding ${PARTITIONS} partitions; ${ledger.describe()}`);

    await produce(0, 5000);
    await ledger.changes.until(() => ledger.distinctMessages >= 2500, () => `2,500 messages processed; ${ledger.describe()}`);
    await members[1]?.stop();
    members.push(await member('fourth'));
    await produce(5000, 10000);

    await ledger.changes.until(() => ledger.distinctMessages === 10000, () => `all 10,000 messages; ${ledger.describe()}`);
    await ledger.changes.until(settledOn(ledger, 3), () => `three members again; ${ledger.describe()}`);
    expect(ledger.partitionsHeldTwice()).toEqual([]);
    console.info(`10,000 messages processed with ${ledger.duplicates} duplicate deliveries (at-least-once)`);
  });

  test('a member whose subscription cannot be read is logged by the leader and gets nothing; the others consume everything', async () => {
    const { topic, groupId, ledger, member, produce, stopsWithTheTest } = await groupUnderTest('adapter-unreadable');
    const leader = await member('leader');
    await member('follower');
    await ledger.changes.until(settledOn(ledger, 2), () => `two members; ${ledger.describe()}`);

    const broken = new Kafka({ clientId: 'broken', brokers: kafka.brokers, logLevel: logLevel.NOTHING }).consumer({
      groupId,
      ...FAST_GROUP,
      partitionAssigners: [
        () => ({
          name: perTopicRoundRobinAssignor().name,
          version: 0,
          protocol: () => ({ name: perTopicRoundRobinAssignor().name, metadata: brokenSubscription(topic) }),
          assign: () => Promise.reject(new Error('the broken member never leads')),
        }),
      ],
    });
    let brokenJoin: { memberId: string; memberAssignment: object } | undefined;
    broken.on(broken.events.GROUP_JOIN, ({ payload }) => {
      brokenJoin = payload;
      ledger.changes.changed();
    });
    await broken.connect();
    stopsWithTheTest({ stop: () => broken.disconnect() });
    await broken.subscribe({ topic, fromBeginning: true });
    await broken.run({ eachMessage: () => Promise.reject(new Error('the broken member holds no partition')) });
    await ledger.changes.until(() => brokenJoin !== undefined, () => 'the broken member to join');

    expect(brokenJoin?.memberAssignment).toEqual({});
    await ledger.changes.until(settledOn(ledger, 2), () => `two members holding everything; ${ledger.describe()}`);
    const logged = leader.logs.find(({ log }) => log.message.includes('cannot be read'));
    expect(logged?.log).toMatchObject({ memberId: brokenJoin?.memberId, field: 'Subscription.OwnedPartitions' });

    await produce(0, 1000);
    await ledger.changes.until(() => ledger.distinctMessages === 1000, () => `1,000 messages; ${ledger.describe()}`);
  });
});
