import type { Admin } from 'kafkajs';

const DEADLINE_MS = 30_000;
const RETRY_MS = 50;

/**
 * Creates a topic and resolves once every partition has a leader. KafkaJS' own `waitForLeaders` retries only
 * LEADER_NOT_AVAILABLE, but a KRaft broker can briefly answer UNKNOWN_TOPIC_OR_PARTITION for a topic it has
 * just created, which KafkaJS then throws; this waits through both.
 */
export async function createTopic(admin: Admin, topic: string, partitions: number): Promise<void> {
  // KafkaJS' own wait for leaders throws on UNKNOWN_TOPIC_OR_PARTITION; the loop below waits through it.
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: false });
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      const leaders = topics[0]?.partitions.filter(({ leader }) => leader >= 0).length ?? 0;
      if (leaders === partitions) return;
    } catch (error) {
      const type = (error as { type?: string }).type;
      if (type !== 'UNKNOWN_TOPIC_OR_PARTITION' && type !== 'LEADER_NOT_AVAILABLE') throw error;
    }
    if (Date.now() > deadline) throw new Error(`topic ${topic} has no leader for all ${partitions} partitions after ${DEADLINE_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}
