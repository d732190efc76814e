import { ConnectionSettingsError } from './connection-settings-error.js';

const HOST_PORT = /^(?<host>[^\s,]+):(?<port>\d{1,5})$/;
const HIGHEST_PORT = 65535;

/**
 * `HOST:PORT[,HOST:PORT...]` as a list; throws a ConnectionSettingsError naming `source` (`--brokers` or
 * `KAFKA_BROKERS`) and the entry that is not HOST:PORT.
 */
export function parseBrokerList(text: string, source: string): string[] {
  return text.split(',').map((entry) => {
    const broker = entry.trim();
    const port = Number(HOST_PORT.exec(broker)?.groups?.['port'] ?? Number.NaN);
    if (!(port >= 1 && port <= HIGHEST_PORT)) throw new ConnectionSettingsError(source, `"${broker}" is not HOST:PORT`);
    return broker;
  });
}
