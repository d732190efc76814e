import type { SecuredListeners } from './secured/secured-listeners.js';
import { startKafkaCluster } from './start-kafka-cluster.js';

export interface StartKafkaOptions {
  /** How long the broker may take to answer client requests; default 90 s (a cold JVM on a busy 2-core VM). */
  readonly timeoutMs?: number;
  /** Extra or overriding `server.properties` entries, e.g. `{ 'group.max.size': 3 }`. */
  readonly serverProperties?: Readonly<Record<string, string | number | boolean>>;
  /**
   * Also a SASL_SSL listener (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512) and a mutual-TLS listener, with a CA,
   * certificates and users made for this run; needs openssl. Default false.
   */
  readonly secured?: boolean;
}

export interface RunningKafka {
  /** Bootstrap servers as `host:port[,host:port...]`. */
  readonly brokers: string;
  /** The Kafka release of a local broker, e.g. `4.4.0`; absent for an external cluster. */
  readonly release?: string;
  /** The broker's log (absent for an external cluster). It is kept after stop(). */
  readonly logFile?: string;
  /** The secured listeners of a local broker started with `secured: true`, and what it takes to reach them. */
  readonly secured?: SecuredListeners;
  /** Stops the broker (SIGTERM, then SIGKILL after a grace period) and removes its data. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts a single-node Kafka (combined KRaft broker and controller) on free 127.0.0.1 ports, in a fresh temporary
 * folder, and resolves once it answers client requests. The broker also shuts down if this process dies.
 */
export async function startKafka(options: StartKafkaOptions = {}): Promise<RunningKafka> {
  const cluster = await startKafkaCluster(options);
  return {
    brokers: cluster.brokers,
    release: cluster.release,
    logFile: cluster.nodes[0]?.logFile ?? '',
    ...(cluster.secured === undefined ? {} : { secured: cluster.secured }),
    stop: () => cluster.stop(),
  };
}
