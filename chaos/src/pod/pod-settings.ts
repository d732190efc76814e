/** What a chaos pod is told on its command line, as one JSON argument. */
export interface ChaosPodSettings {
  /** Its bootstrap servers: the advertised ports of its own listener, so every byte goes through its proxies. */
  readonly brokers: readonly string[];
  readonly groupId: string;
  readonly topic: string;
  /** Its stable name, also its KafkaJS client id. */
  readonly name: string;
  readonly priority: number;
  readonly sessionTimeout: number;
  readonly heartbeatInterval: number;
  readonly rebalanceTimeout: number;
  readonly maxWaitTimeInMs: number;
  /** Where its side effects go. */
  readonly sinkUrl: string;
  /** The sink resource every pod writes to: one, since they all process one topic. */
  readonly resource: string;
}
