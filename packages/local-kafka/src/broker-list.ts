/**
 * Parses a bootstrap list such as `KAFKA_BROKERS`: `host:port` entries separated by commas, blanks ignored.
 * Throws on anything else, so a typo fails with the value in the message instead of as a connection timeout.
 */
export function parseBrokerList(value: string): string[] {
  const brokers = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (brokers.length === 0) throw new Error(`expected host:port[,host:port...], got ${JSON.stringify(value)}`);
  for (const broker of brokers) {
    const match = /^(?<host>\[[0-9a-fA-F:.]+\]|[^:\s[\]]+):(?<port>\d{1,5})$/.exec(broker);
    const port = Number(match?.groups?.['port']);
    if (match === null || port < 1 || port > 65535) {
      throw new Error(`expected host:port, got ${JSON.stringify(broker)} in ${JSON.stringify(value)}`);
    }
  }
  return brokers;
}
