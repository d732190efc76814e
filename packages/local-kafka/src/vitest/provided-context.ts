/** What the integration project's global setup hands to the test files. */
export type LocalKafkaContext =
  | {
      readonly brokers: string;
      /** Whether the brokers take KIP-848 consumer-protocol members (`group.coordinator.rebalance.protocols`). */
      readonly consumerGroupProtocol: boolean;
    }
  | { readonly skipReason: string };

declare module 'vitest' {
  export interface ProvidedContext {
    localKafka: LocalKafkaContext;
  }
}
