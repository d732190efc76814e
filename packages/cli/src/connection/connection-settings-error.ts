/**
 * A connection setting that cannot be used, named by the flag or environment variable it came from (`--ssl-ca`,
 * `KAFKA_SASL_MECHANISM`); found before any connection is made. Its message never contains a secret.
 */
export class ConnectionSettingsError extends Error {
  override readonly name = 'ConnectionSettingsError';

  constructor(
    /** The flag or environment variable, e.g. `--ssl-key` or `KAFKA_SSL_KEY`. */
    readonly setting: string,
    /** What is wrong with it, e.g. `cannot read "/etc/kafka/ca.pem" (ENOENT)`. */
    readonly problem: string,
  ) {
    super(`${setting}: ${problem}`);
  }
}
