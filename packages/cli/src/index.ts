export { runCli, type CliInput, type CliResult } from './run-cli.js';
export { assignorCatalog, type CatalogEntry } from './assignor-catalog.js';
export type { Terminal } from './cli-result.js';
export { kafkaConnectionFromEnvironment } from './connection/connection-from-environment.js';
export { ConnectionSettingsError } from './connection/connection-settings-error.js';
export { SASL_MECHANISMS, securityProtocol, type KafkaConnection, type SaslMechanism } from './connection/kafka-connection.js';
