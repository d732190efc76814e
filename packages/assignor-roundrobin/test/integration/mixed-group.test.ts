import { Kafka, logLevel } from 'kafkajs';
import { expect, test } from 'vitest';
import { Changes, expectedAssignment, FAST_GROUP, runMixedGroup, startJavaPeer } from '@kafka-assignors/local-kafka';
import { describeWithKafka, testTopics } from '@kafka-assignors/local-kafka/vitest';
import { roundRobinAssignor } from '@kafka-assignors/assignor-roundrobin';

const PARTITIONS = 7;
const JAVA_ROUND_ROBIN = 'org.apache.kafka.clients.consumer.RoundRobinAssignor';

describeWithKafka('roundrobin in a group of KafkaJS and Java consumers', (kafka) => {
  const topicAndGroup = testTopics(kafka, 'mixed-group-it');

  test.each(['KafkaJS', 'Java'] as const)(
    'with the %s member leading, two KafkaJS members and a Java member get and consume exactly the round-robin deal',
    async (leader) => {
      const run = await runMixedGroup({ ...kafka, createAssignor: roundRobinAssignor, javaStrategy: JAVA_ROUND_ROBIN, leader, partitions: PARTITIONS });

      expect(run.protocol).toBe('roundrobin');
      expect(run.kafkajsLeads).toBe(leader === 'KafkaJS');
      const expected = expectedAssignment(run, roundRobinAssignor());
    expect(Object.fromEntries(run.assigned)).toEqual(expected);
      expect(Object.fromEntries(run.consumed)).toEqual(expected);
    },
  );

  test("KafkaJS's own RoundRobinAssigner cannot join a group that speaks roundrobin", async () => {
    const { topic, groupId, stopsWithTheTest } = await topicAndGroup('inconsistent-protocol', PARTITIONS);
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
