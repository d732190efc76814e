import { performance } from 'node:perf_hooks';
import { brokerRelease, KafkaVersionError } from './kafka-version.js';
import { MissingToolError } from './missing-tool-error.js';
import { startKafka } from './start-kafka.js';

// `npm run kafka`: a broker for manual use, until Ctrl-C.
const started = performance.now();
try {
  const kafka = await startKafka();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Kafka ${brokerRelease().version} is ready in ${seconds} s.\n` +
      `  bootstrap servers: ${kafka.brokers}\n` +
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
