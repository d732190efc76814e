/**
 * The KafkaJS settings the active-standby README recommends for fast failover: a crashed active is noticed
 * after the session timeout (10 s, a little above the broker's 6 s floor), standbys learn of the rebalance
 * at their next heartbeat (1 s), and a fetch never holds a member longer than 1 s before it can rejoin.
 */
export const RECOMMENDED_FAILOVER_SETTINGS = {
  sessionTimeout: 10_000,
  heartbeatInterval: 1_000,
  rebalanceTimeout: 30_000,
  maxWaitTimeInMs: 1_000,
} as const;

/** The Kafka clients a pod can run. */
export type PodClient = 'kafkajs' | 'platformatic';

/** What a pod process is told on its command line, as one JSON argument. */
export interface PodSettings {
  readonly brokers: string[];
  readonly groupId: string;
  readonly topic: string;
  /** The pod's stable name, also its client id. */
  readonly name: string;
  /** The Kafka client the pod runs: KafkaJS, or @platformatic/kafka (on Node 22). */
  readonly client: PodClient;
  readonly priority: number;
  readonly sessionTimeout: number;
  readonly heartbeatInterval: number;
  readonly rebalanceTimeout: number;
  readonly maxWaitTimeInMs: number;
  /** How long processing one message takes, to make a stuck pod possible; 0 for none. */
  readonly processingMs: number;
}
