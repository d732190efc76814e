import { UsageError } from '../usage-error.js';

const HOST_PORT = /^(?<host>[^\s,]+):(?<port>\d{1,5})$/;
const HIGHEST_PORT = 65535;

/** `--brokers HOST:PORT[,HOST:PORT...]` as a list; throws a UsageError naming an entry that is not HOST:PORT. */
export function parseBrokerList(text: string): string[] {
  return text.split(',').map((entry) => {
    const broker = entry.trim();
    const port = Number(HOST_PORT.exec(broker)?.groups?.['port'] ?? Number.NaN);
    if (!(port >= 1 && port <= HIGHEST_PORT)) throw new UsageError(`--brokers: "${broker}" is not HOST:PORT`);
    return broker;
  });
}
