import { parseBrokerList } from './broker-list.js';
import { startKafka, type RunningKafka, type StartKafkaOptions } from './start-kafka.js';
import { waitForKafka, type WaitForKafkaOptions } from './wait-for-kafka.js';

const EXTERNAL_TIMEOUT_MS = 30_000;

/**
 * The cluster named by `KAFKA_BROKERS` (host:port, comma-separated) once it answers, with a stop() that leaves it
 * running, reached with `security` (TLS, SASL) when given; without that variable, a local broker from startKafka().
 */
export async function kafkaFromEnvironment(
  options: StartKafkaOptions & Pick<WaitForKafkaOptions, 'security'> = {},
  environment: NodeJS.ProcessEnv = process.env,
): Promise<RunningKafka> {
  const external = environment['KAFKA_BROKERS']?.trim();
  if (external === undefined || external === '') return startKafka(options);
  const brokers = parseBrokerList(external);
  await waitForKafka(brokers, { timeoutMs: options.timeoutMs ?? EXTERNAL_TIMEOUT_MS, ...(options.security === undefined ? {} : { security: options.security }) });
  return { brokers: brokers.join(','), stop: () => Promise.resolve() };
}
