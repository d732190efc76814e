import { randomBytes } from 'node:crypto';
import type { TestCertificates } from './test-certificates.js';

/** A user name and password the secured broker accepts. */
export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** The mechanisms of the SASL_SSL listener, each with a user of its own, in KafkaJS' and our CLI's spelling. */
export interface SecuredUsers {
  readonly plain: Credentials;
  readonly 'scram-sha-256': Credentials;
  readonly 'scram-sha-512': Credentials;
}

/** What a client needs to reach a secured broker: its two secured listeners, the CA, a client certificate and users. */
export interface SecuredListeners {
  /** Bootstrap servers of the SASL_SSL listeners (`host:port[,...]`): TLS with the server's certificate, then SASL. */
  readonly saslSsl: string;
  /** Bootstrap servers of the SSL listeners that require a client certificate signed by the CA (mutual TLS). */
  readonly mutualTls: string;
  readonly certificates: TestCertificates;
  readonly users: SecuredUsers;
}

/** The ports of one node's secured listeners and the files and users behind them, for its `server.properties`. */
export interface SecuredNodeSettings {
  readonly saslSslPort: number;
  readonly mutualTlsPort: number;
  readonly certificates: TestCertificates;
  readonly users: SecuredUsers;
}

export const SASL_SSL_LISTENER = 'SASL_SSL';
export const MUTUAL_TLS_LISTENER = 'MTLS';

/** Users whose passwords are new on every run, so a test can look for one in output that must not show it. */
export function newSecuredUsers(): SecuredUsers {
  const user = (username: string): Credentials => ({ username, password: `${username}-${randomBytes(12).toString('hex')}` });
  return { plain: user('plain-user'), 'scram-sha-256': user('scram256-user'), 'scram-sha-512': user('scram512-user') };
}

/**
 * The `server.properties` entries of the secured listeners. The PLAIN user is in the listener's JAAS
 * configuration; SCRAM users live in the cluster metadata, written when the storage is formatted
 * (`scramFormatArguments`). Brokers and controllers keep talking PLAINTEXT among themselves.
 */
export function securedProperties({ certificates, users }: SecuredNodeSettings): Record<string, string> {
  const listener = `listener.name.${SASL_SSL_LISTENER.toLowerCase()}`;
  const mechanisms = 'PLAIN,SCRAM-SHA-256,SCRAM-SHA-512';
  const scramLogin = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';
  return {
    'sasl.enabled.mechanisms': mechanisms,
    [`${listener}.sasl.enabled.mechanisms`]: mechanisms,
    [`${listener}.plain.sasl.jaas.config`]: `org.apache.kafka.common.security.plain.PlainLoginModule required user_${users.plain.username}="${users.plain.password}";`,
    [`${listener}.scram-sha-256.sasl.jaas.config`]: scramLogin,
    [`${listener}.scram-sha-512.sasl.jaas.config`]: scramLogin,
    // PEM stores (KIP-651): the files openssl made, without a conversion to PKCS#12 or JKS.
    'ssl.keystore.type': 'PEM',
    'ssl.keystore.location': certificates.brokerKeystoreFile,
    'ssl.truststore.type': 'PEM',
    'ssl.truststore.location': certificates.caFile,
    [`listener.name.${MUTUAL_TLS_LISTENER.toLowerCase()}.ssl.client.auth`]: 'required',
  };
}

/** StorageTool `format` arguments that create the SCRAM users, the broker's own way on KRaft (`--add-scram`). */
export function scramFormatArguments(users: SecuredUsers): string[] {
  return (['scram-sha-256', 'scram-sha-512'] as const).flatMap((mechanism) => {
    const { username, password } = users[mechanism];
    return ['--add-scram', `${mechanism.toUpperCase()}=[name=${username},password=${password}]`];
  });
}
