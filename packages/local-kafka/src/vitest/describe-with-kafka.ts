import { describe, inject } from 'vitest';
import { parseBrokerList } from '../broker-list.js';
import type { SecuredListeners } from '../secured/secured-listeners.js';
import type { LocalKafkaContext } from './provided-context.js';

export interface KafkaUnderTest {
  /** Bootstrap servers as a list, e.g. for `new Kafka({ brokers })`. */
  readonly brokers: string[];
  /** Bootstrap servers as one string, e.g. for the Java peer. */
  readonly bootstrap: string;
  /**
   * Whether the brokers take KIP-848 consumer-protocol members (`group.protocol=consumer`): Kafka 4.x does,
   * 3.9 does not unless configured to. Tests of how such members meet ours expect the outcome of each.
   */
  readonly consumerGroupProtocol: boolean;
  /**
   * The local broker's SASL_SSL and mutual-TLS listeners, with the CA, a client certificate and users; throws for a
   * KAFKA_BROKERS cluster, whose secured listeners the tests cannot know.
   */
  secured(): SecuredListeners;
}

/** A describe block for tests against the run's Kafka, which the integration project's global setup started. */
export function describeWithKafka(name: string, body: (kafka: KafkaUnderTest) => void): void {
  const context: LocalKafkaContext | undefined = inject('localKafka');
  if (context === undefined) {
    throw new Error(
      `"${name}" needs Kafka: run it in the "integration" Vitest project, whose global setup starts the broker.`,
    );
  }
  const secured = (): SecuredListeners => {
    if (context.secured === null) throw new Error(`"${name}" needs the local broker's secured listeners; KAFKA_BROKERS names a cluster whose are unknown`);
    return context.secured;
  };
  describe(name, () => body({ brokers: parseBrokerList(context.brokers), bootstrap: context.brokers, consumerGroupProtocol: context.consumerGroupProtocol, secured }));
}
