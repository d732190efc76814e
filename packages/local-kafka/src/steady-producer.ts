import { Kafka, logLevel, type Producer } from 'kafkajs';

export interface SteadyProducer {
  /** Keys the brokers acknowledged, in order. */
  readonly acknowledged: readonly string[];
  /** Stops after the message in flight; resolves with every acknowledged key. */
  stop(): Promise<readonly string[]>;
}

/**
 * Sends one message after another (keys `m-0`, `m-1`, …, acks from every in-sync replica) every `intervalMs`,
 * on the brokers' own listener, not through any pod's proxy; with `partitionCount`, one message to each of
 * the topic's partitions every `intervalMs`, so that every partition has records to consume all the time. A send
 * that fails (a broker down) is not counted and the next key follows.
 */
export async function startSteadyProducer(brokers: readonly string[], topic: string, intervalMs: number, partitionCount?: number): Promise<SteadyProducer> {
  const producer: Producer = new Kafka({ clientId: 'steady-producer', brokers: [...brokers], logLevel: logLevel.NOTHING }).producer({
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  const acknowledged: string[] = [];
  let running = true;
  const loop = (async () => {
    for (let sequence = 0; running; sequence++) {
      const keys = partitionCount === undefined ? [`m-${sequence}`] : Array.from({ length: partitionCount }, (_, partition) => `m-${sequence}-${partition}`);
      try {
        const messages = keys.map((key, partition) => ({ key, value: key, ...(partitionCount === undefined ? {} : { partition }) }));
        await producer.send({ topic, acks: -1, messages });
        acknowledged.push(...keys);
      } catch {
        // Unacknowledged: it may or may not be in the log, so nothing is expected of it.
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    acknowledged,
    stop: async () => {
      running = false;
      await loop;
      await producer.disconnect();
      return acknowledged;
    },
  };
}
