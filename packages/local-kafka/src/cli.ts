import { performance } from 'node:perf_hooks';
import { brokerRelease, KafkaVersionError } from './kafka-version.js';
import { MissingToolError } from './missing-tool-error.js';
import type { SecuredListeners } from './secured/secured-listeners.js';
import { startKafka } from './start-kafka.js';

// `npm run kafka [-- --secured]`: a broker for manual use, until Ctrl-C.
const started = performance.now();
try {
  const secured = process.argv.slice(2).includes('--secured');
  const kafka = await startKafka({ secured });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Kafka ${brokerRelease().version} is ready in ${seconds} s.\n` +
      `  bootstrap servers: ${kafka.brokers}\n` +
      (kafka.secured === undefined ? '' : securedLines(kafka.secured)) +
      `  log: ${kafka.logFile ?? '-'}\n` +
      'Press Ctrl-C to stop it.\n',
  );
  const stop = (): void => {
    process.stdout.write('Stopping Kafka…\n');
    kafka.stop().then(
      () => process.stdout.write('Kafka stopped.\n'),
      (error: unknown) => {
        process.stderr.write(`Stopping Kafka failed: ${String(error)}\n`);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`${error instanceof MissingToolError || error instanceof KafkaVersionError ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

/** How to reach the secured listeners; the passwords are this run's, made for it, and shown so they can be used. */
function securedLines({ saslSsl, mutualTls, certificates, users }: SecuredListeners): string {
  return (
    `  SASL_SSL (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512): ${saslSsl}\n` +
    `  mutual TLS: ${mutualTls}\n` +
    `  CA: ${certificates.caFile}\n` +
    `  client certificate: ${certificates.clientCertFile}, key: ${certificates.clientKeyFile}\n` +
    Object.entries(users)
      .map(([mechanism, { username, password }]) => `  ${mechanism} user: ${username}, password: ${password}\n`)
      .join('')
  );
}
