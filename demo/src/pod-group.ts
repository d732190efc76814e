import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import type { KafkaConnection } from '@kafka-assignors/cli';
import { createTopic, uniqueName } from '@kafka-assignors/local-kafka';
import { RECOMMENDED_FAILOVER_SETTINGS, type PodClient, type PodSettings } from './pod-settings.js';
import { startPod, type Pod } from './start-pod.js';

/** Where the group lives (brokers, and TLS and SASL for a secured cluster, which the pods read from the environment). */
export interface PodGroupOptions extends KafkaConnection {
  readonly partitions?: number;
  /** The client every pod runs; KafkaJS by default. */
  readonly client?: PodClient;
  /** Overrides of the recommended KafkaJS settings for every pod. */
  readonly settings?: Partial<Pick<PodSettings, 'sessionTimeout' | 'heartbeatInterval' | 'rebalanceTimeout' | 'maxWaitTimeInMs'>>;
}

/** A topic, a group id and a producer, for pods to share; `close` stops every pod and cleans up. */
export class PodGroup {
  readonly pods: Pod[] = [];
  private produced = 0;
  private producing: Promise<void> | undefined;
  private stopProducing = false;

  private constructor(
    readonly topic: string,
    readonly groupId: string,
    private readonly options: PodGroupOptions,
    readonly admin: Admin,
    private readonly producer: Producer,
  ) {}

  static async create(options: PodGroupOptions): Promise<PodGroup> {
    const { partitions, settings, client: _client, ...connection } = options;
    const client = new Kafka({ clientId: 'pod-group', ...connection, logLevel: logLevel.NOTHING });
    const admin = client.admin();
    const producer = client.producer();
    await Promise.all([admin.connect(), producer.connect()]);
    const topic = uniqueName('orders');
    await createTopic(admin, topic, partitions ?? 6);
    return new PodGroup(topic, uniqueName('pods'), options, admin, producer);
  }

  /** Starts a pod and resolves once it has joined the group (its first rebalance is complete). */
  async start(name: string, priority: number, processingMs = 0): Promise<Pod> {
    const pod = await startPod({
      client: this.options.client ?? 'kafkajs',
      brokers: this.options.brokers,
      groupId: this.groupId,
      topic: this.topic,
      name,
      priority,
      processingMs,
      ...RECOMMENDED_FAILOVER_SETTINGS,
      ...this.options.settings,
    });
    this.pods.push(pod);
    await pod.waitFor((event) => event.event === 'ready', 60_000);
    return pod;
  }

  /** Sends keyed messages `message-0`, `message-1`, … in small batches until `stopProduction`. */
  startProduction(): void {
    this.producing = (async () => {
      while (!this.stopProducing) {
        const keys = Array.from({ length: 10 }, () => `message-${this.produced++}`);
        await this.producer.send({ topic: this.topic, messages: keys.map((key) => ({ key, value: key })) });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
  }

  /** How many messages were sent so far. */
  get producedCount(): number {
    return this.produced;
  }

  /** Stops producing and returns how many messages were sent. */
  async stopProduction(): Promise<number> {
    this.stopProducing = true;
    await this.producing;
    return this.produced;
  }

  async close(): Promise<void> {
    await this.stopProduction();
    for (const pod of this.pods) pod.signal('SIGCONT');
    await Promise.all(this.pods.map((pod) => pod.stop()));
    await this.producer.disconnect();
    await this.admin.deleteTopics({ topics: [this.topic] });
    await this.admin.disconnect();
  }
}
