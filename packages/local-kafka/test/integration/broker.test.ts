import { Kafka, logLevel } from 'kafkajs';
import { expect, onTestFinished, test } from 'vitest';
import { createTopic, kafkaFromEnvironment, uniqueName, waitForKafka } from '../../src/index.js';
import { describeWithKafka } from '../../src/vitest/index.js';

describeWithKafka('the local Kafka broker', (kafka) => {
  test('creates a topic, stores messages and serves them to a consumer group', async () => {
    const topic = uniqueName('local-kafka-roundtrip');
    const client = new Kafka({ clientId: uniqueName('local-kafka-test'), brokers: kafka.brokers, logLevel: logLevel.NOTHING });
    const admin = client.admin();
    await admin.connect();
    onTestFinished(async () => {
      await admin.deleteTopics({ topics: [topic] });
      await admin.disconnect();
    });
    await createTopic(admin, topic, 2);

    const producer = client.producer();
    await producer.connect();
    onTestFinished(() => producer.disconnect());
    const sent = ['a', 'b', 'c', 'd', 'e'];
    await producer.send({ topic, messages: sent.map((value, i) => ({ value, partition: i % 2 })) });

    const consumer = client.consumer({ groupId: uniqueName('local-kafka-roundtrip') });
    await consumer.connect();
    onTestFinished(() => consumer.disconnect());
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const received: string[] = [];
    const allReceived = new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: ({ message }) => {
          received.push(message.value?.toString() ?? '');
          if (received.length === sent.length) resolve();
          return Promise.resolve();
        },
      });
    });
    await allReceived;
    expect(received.sort()).toEqual(sent);
  });

  test('is reachable through KAFKA_BROKERS, whose stop() leaves the cluster running', async () => {
    const external = await kafkaFromEnvironment({}, { KAFKA_BROKERS: kafka.bootstrap });
    expect(external.brokers).toBe(kafka.bootstrap);
    expect(external.logFile).toBeUndefined();
    await external.stop();
    await expect(waitForKafka(kafka.brokers, { timeoutMs: 10_000 })).resolves.toBeUndefined();
  });
});
