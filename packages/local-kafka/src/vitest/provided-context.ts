/** What the integration project's global setup hands to the test files. */
export interface LocalKafkaContext {
  readonly brokers: string;
  /** Whether the brokers take KIP-848 consumer-protocol members (`group.coordinator.rebalance.protocols`). */
  readonly consumerGroupProtocol: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    localKafka: LocalKafkaContext;
  }
}
