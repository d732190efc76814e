import { setTimeout as delay } from 'node:timers/promises';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';

export interface WaitForKafkaOptions {
  readonly timeoutMs: number;
  /** TLS and SASL settings of a secured cluster, as KafkaJS takes them. */
  readonly security?: Pick<KafkaConfig, 'ssl' | 'sasl'>;
  /** Aborted when waiting is pointless, e.g. because the broker process exited. */
  readonly signal?: AbortSignal;
}

const RETRY_BACKOFF_MS = 250;
const PROBE_GROUP = 'local-kafka-readiness-probe';

/**
 * Resolves once the cluster answers real client requests: metadata with at least one broker, and a group
 * coordinator lookup. The latter creates `__consumer_offsets` on a fresh broker, so the first test's consumer
 * does not pay for it.
 */
export async function waitForKafka(brokers: readonly string[], options: WaitForKafkaOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const kafka = new Kafka({
    clientId: 'local-kafka-readiness',
    brokers: [...brokers],
    ...options.security,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 5000,
    // Retries happen in the loop below, where the deadline and the abort signal are checked.
    retry: { retries: 0 },
  });
  let lastError: unknown;
  for (;;) {
    options.signal?.throwIfAborted();
    const admin = kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length === 0) throw new Error('the cluster reports no brokers yet');
      await admin.describeGroups([PROBE_GROUP]);
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await admin.disconnect();
    }
    if (Date.now() + RETRY_BACKOFF_MS > deadline) {
      throw new Error(
        `Kafka at ${brokers.join(',')} did not answer within ${options.timeoutMs} ms; last error: ${String(lastError)}`,
        { cause: lastError },
      );
    }
    // An abort ends the back-off early; the check at the top of the loop then throws its reason.
    await delay(RETRY_BACKOFF_MS, undefined, options.signal ? { signal: options.signal } : {}).catch(() => undefined);
  }
}
