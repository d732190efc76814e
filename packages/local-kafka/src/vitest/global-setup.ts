import type { TestProject } from 'vitest/node';
import { takesConsumerProtocolMembers } from '../consumer-group-protocol.js';
import { ensureJavaPeerBuild } from '../java-peer-build.js';
import { kafkaFromEnvironment } from '../kafka-from-environment.js';
import { MissingToolError } from '../missing-tool-error.js';
import type { RunningKafka } from '../start-kafka.js';
import type { LocalKafkaContext } from './provided-context.js';

/**
 * Global setup of the "integration" Vitest project: one broker for the whole run (or the KAFKA_BROKERS cluster),
 * and the Java peer built, before any test file starts. Without java or mvn the run fails under CI; elsewhere the
 * integration tests are skipped, and the reason is printed here, once.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let kafka: RunningKafka;
  try {
    kafka = await kafkaFromEnvironment();
    await ensureJavaPeerBuild().catch(async (error: unknown) => {
      await kafka.stop();
      throw error;
    });
  } catch (error) {
    if (!(error instanceof MissingToolError) || runsUnderCi()) throw error;
    const skipReason = error.message;
    process.stderr.write(`\nlocal-kafka: skipping the Kafka integration tests. ${skipReason}\n\n`);
    project.provide('localKafka', { skipReason } satisfies LocalKafkaContext);
    return () => Promise.resolve();
  }
  const log = kafka.logFile === undefined ? '' : `, log: ${kafka.logFile}`;
  const consumerGroupProtocol = await takesConsumerProtocolMembers(kafka.brokers);
  const protocols = consumerGroupProtocol ? 'classic and consumer (KIP-848) group protocols' : 'classic group protocol only';
  process.stderr.write(`local-kafka: integration tests use Kafka at ${kafka.brokers} (${kafka.release ?? 'external'}; ${protocols})${log}\n`);
  project.provide('localKafka', { brokers: kafka.brokers, consumerGroupProtocol } satisfies LocalKafkaContext);
  return () => kafka.stop();
}

function runsUnderCi(): boolean {
  const ci = process.env['CI'];
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}
