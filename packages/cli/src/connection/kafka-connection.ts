import type { ConnectionOptions } from 'node:tls';
import type { SASLOptions } from 'kafkajs';

/** The SASL mechanisms the tools speak, in KafkaJS' spelling. */
export const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
/** One of SASL_MECHANISMS. */
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

/**
 * How to reach a cluster, in the shape of KafkaJS' client configuration: spread it into `new Kafka({ clientId, ...connection })`.
 * `ssl` is absent for plaintext, `true` for TLS trusting the system's CAs, or the CA, client certificate and key (PEM).
 */
export interface KafkaConnection {
  /** The bootstrap brokers, `host:port` each. */
  readonly brokers: string[];
  /** Absent for plaintext; `true` for TLS with the system's CAs; else the CA (`ca`), client certificate (`cert`, `key`, `passphrase`). */
  readonly ssl?: true | ConnectionOptions;
  /** Absent without SASL; else the mechanism, user name and password. */
  readonly sasl?: SASLOptions & { readonly mechanism: SaslMechanism };
}

/** Kafka's name for how a connection is secured (its `security.protocol`), for messages and logs. */
export function securityProtocol(connection: KafkaConnection): 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL' {
  if (connection.sasl === undefined) return connection.ssl === undefined ? 'PLAINTEXT' : 'SSL';
  return connection.ssl === undefined ? 'SASL_PLAINTEXT' : 'SASL_SSL';
}
