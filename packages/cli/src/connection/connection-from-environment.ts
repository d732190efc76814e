import { readFile } from 'node:fs/promises';
import { kafkaConnection } from './connection-options.js';
import { ConnectionSettingsError } from './connection-settings-error.js';
import type { KafkaConnection } from './kafka-connection.js';

/**
 * How to reach the cluster, from the environment variables the CLI reads (`KAFKA_BROKERS`, `KAFKA_SSL`,
 * `KAFKA_SSL_CA`, `KAFKA_SSL_CERT`, `KAFKA_SSL_KEY`, `KAFKA_SSL_KEY_PASSWORD[_FILE]`, `KAFKA_SASL_MECHANISM`,
 * `KAFKA_SASL_USERNAME`, `KAFKA_SASL_PASSWORD[_FILE]`), for an app that connects the way the sidecar next to it
 * does: `new Kafka({ clientId, ...await kafkaConnectionFromEnvironment() })`. Throws a ConnectionSettingsError
 * naming the variable that cannot be used.
 */
export async function kafkaConnectionFromEnvironment(environment: Readonly<Record<string, string | undefined>> = process.env): Promise<KafkaConnection> {
  if (!environment['KAFKA_BROKERS']) throw new ConnectionSettingsError('KAFKA_BROKERS', 'not set; expected HOST:PORT[,HOST:PORT...]');
  return await kafkaConnection({}, environment, (path) => readFile(path, 'utf8'), 'kafkaConnectionFromEnvironment');
}
