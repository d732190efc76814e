import { Kafka, logLevel, type Admin } from 'kafkajs';
import { afterAll, beforeAll, expect, onTestFinished, test } from 'vitest';
import { Changes, FAST_GROUP, GroupLedger, startJavaPeer, startKafkaJSMember, uniqueName, type PartitionsEvent } from '@kafka-assignors/local-kafka';
import { describeWithKafka } from '@kafka-assignors/local-kafka/vitest';
import { roundRobinAssignor } from '@kafka-assignors/assignor-roundrobin';

const PARTITIONS = 6;
const JAVA_ROUND_ROBIN = 'org.apache.kafka.clients.consumer.RoundRobinAssignor';

describeWithKafka('roundrobin in a group of KafkaJS and Java consumers', (kafka) => {
  let admin: Admin;

  beforeAll(async () => {
    admin = new Kafka({ clientId: 'mixed-group-it', brokers: kafka.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
  });
  afterAll(() => admin.disconnect());

  async function topicAndGroup(prefix: string) {
    const topic = uniqueName(prefix);
    await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }], waitForLeaders: true });
    const stoppers: (() => Promise<unknown>)[] = [];
    onTestFinished(async () => {
      await Promise.all(stoppers.map((stop) => stop()));
      await admin.deleteTopics({ topics: [topic] });
    });
    return { topic, groupId: uniqueName(prefix), stopsWithTheTest: (stop: () => Promise<unknown>) => stoppers.push(stop) };
  }

  test.each(['KafkaJS', 'Java'])('a KafkaJS and a Java consumer share the partitions, the %s one leading', async (leader) => {
    const { topic, groupId, stopsWithTheTest } = await topicAndGroup('mixed-roundrobin');
    const ledger = new GroupLedger();
    const startNode = async () => {
      const member = await startKafkaJSMember({ brokers: kafka.brokers, groupId, topic, clientId: 'node', assignor: roundRobinAssignor(), ledger });
      stopsWithTheTest(() => member.stop());
      return member;
    };
    const startJava = async () => {
      const peer = await startJavaPeer({ brokers: kafka.bootstrap, groupId, topics: [topic], strategies: [JAVA_ROUND_ROBIN], clientId: 'java', sessionTimeoutMs: FAST_GROUP.sessionTimeout });
      stopsWithTheTest(() => peer.stop());
      return peer;
    };
    const java = leader === 'Java' ? await startJava() : undefined;
    if (java) await java.waitFor((event) => event.event === 'assigned' && event.partitions.length === PARTITIONS);
    const node = await startNode();
    const peer = java ?? (await startJava());

    // Both have joined the same generation once Java reports partitions in the generation KafkaJS was told about.
    const javaShare = await peer.waitFor(
      (event): event is PartitionsEvent =>
        event.event === 'assigned' && event.generation === ledger.latestGeneration()?.generationId && event.partitions.length > 0,
    );
    const nodeShare = ledger.latestGeneration()?.members.find(({ memberId }) => memberId === node.memberId())?.partitions ?? [];
    const javaPartitions = javaShare.partitions.map(({ topic: t, partition }) => `${t}-${partition}`);
    expect([...nodeShare, ...javaPartitions].sort()).toEqual(Array.from({ length: PARTITIONS }, (_, p) => `${topic}-${p}`).sort());
    expect(nodeShare).toHaveLength(PARTITIONS / 2);
    expect(node.isLeader()).toBe(leader === 'KafkaJS');

    const [group] = (await admin.describeGroups([groupId])).groups;
    expect(group).toMatchObject({ state: 'Stable', protocol: 'roundrobin' });
    expect(group?.members).toHaveLength(2);
  });

  test("KafkaJS's own RoundRobinAssigner cannot join a group that speaks roundrobin", async () => {
    const { topic, groupId, stopsWithTheTest } = await topicAndGroup('inconsistent-protocol');
    const peer = await startJavaPeer({ brokers: kafka.bootstrap, groupId, topics: [topic], strategies: [JAVA_ROUND_ROBIN], clientId: 'java' });
    stopsWithTheTest(() => peer.stop());
    await peer.waitFor((event) => event.event === 'assigned' && event.partitions.length === PARTITIONS);

    const stock = new Kafka({ clientId: 'stock', brokers: kafka.brokers, logLevel: logLevel.NOTHING }).consumer({
      groupId,
      ...FAST_GROUP,
      retry: { retries: 0, restartOnFailure: () => Promise.resolve(false) },
    });
    const crashes = new Changes();
    let crash: { type?: string } | undefined;
    stock.on(stock.events.CRASH, ({ payload }) => {
      crash = payload.error as { type?: string };
      crashes.changed();
    });
    await stock.connect();
    stopsWithTheTest(() => stock.disconnect());
    await stock.subscribe({ topic });
    await stock.run({ eachMessage: () => Promise.resolve() }).catch(() => undefined);
    await crashes.until(() => crash !== undefined, () => 'the stock consumer to crash');
    expect(crash?.type).toBe('INCONSISTENT_GROUP_PROTOCOL');
  });
});
