import { Kafka, logLevel, type Admin } from 'kafkajs';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { createTopic } from '../create-topic.js';
import { uniqueName } from '../unique-name.js';
import type { KafkaUnderTest } from './describe-with-kafka.js';

/** A fresh topic and group id for one test, and a place to register what must stop when the test ends. */
export interface TestTopicAndGroup {
  readonly topic: string;
  readonly groupId: string;
  /** Runs `stop` when the test finishes, before its topic is deleted. */
  readonly stopsWithTheTest: (stop: () => Promise<unknown>) => void;
}

/**
 * For a describeWithKafka block: an admin client for the block, and a function that creates a topic of
 * `partitions` partitions and a group id, both unique, for the test that calls it. When the test finishes,
 * what it registered is stopped and the topic deleted.
 */
export function testTopics(kafka: KafkaUnderTest, clientId: string): (prefix: string, partitions: number) => Promise<TestTopicAndGroup> {
  let admin: Admin;
  beforeAll(async () => {
    admin = new Kafka({ clientId, brokers: kafka.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
  });
  afterAll(() => admin.disconnect());

  return async (prefix, partitions) => {
    const topic = uniqueName(prefix);
    await createTopic(admin, topic, partitions);
    const stoppers: (() => Promise<unknown>)[] = [];
    onTestFinished(async () => {
      await Promise.all(stoppers.map((stop) => stop()));
      await admin.deleteTopics({ topics: [topic] });
    });
    return { topic, groupId: uniqueName(prefix), stopsWithTheTest: (stop) => void stoppers.push(stop) };
  };
}
