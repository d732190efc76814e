/** What the integration project's global setup hands to the test files. */
import type { SecuredListeners } from '../secured/secured-listeners.js';

export interface LocalKafkaContext {
  readonly brokers: string;
  /** The local broker's SASL_SSL and mutual-TLS listeners; `null` for a KAFKA_BROKERS cluster, whose are unknown. */
  readonly secured: SecuredListeners | null;
  /** Whether the brokers take KIP-848 consumer-protocol members (`group.coordinator.rebalance.protocols`). */
  readonly consumerGroupProtocol: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    localKafka: LocalKafkaContext;
  }
}
