import type { TestProject } from 'vitest/node';
import { takesConsumerProtocolMembers } from '../consumer-group-protocol.js';
import { ensureJavaPeerBuild } from '../java-peer-build.js';
import { kafkaFromEnvironment } from '../kafka-from-environment.js';
import type { RunningKafka } from '../start-kafka.js';
import type { LocalKafkaContext } from './provided-context.js';

/**
 * Global setup of the "integration" Vitest project: one broker for the whole run, with secured listeners besides
 * PLAINTEXT (or the KAFKA_BROKERS cluster), and the Java peer built, before any test file starts. Without java or mvn it fails the run, naming what to
 * install (a MissingToolError): integration tests are never skipped.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kafka: RunningKafka = await kafkaFromEnvironment({ secured: true });
  await ensureJavaPeerBuild().catch(async (error: unknown) => {
    await kafka.stop();
    throw error;
  });
  const log = kafka.logFile === undefined ? '' : `, log: ${kafka.logFile}`;
  const consumerGroupProtocol = await takesConsumerProtocolMembers(kafka.brokers);
  const protocols = consumerGroupProtocol ? 'classic and consumer (KIP-848) group protocols' : 'classic group protocol only';
  process.stderr.write(`local-kafka: integration tests use Kafka at ${kafka.brokers} (${kafka.release ?? 'external'}; ${protocols})${log}\n`);
  project.provide('localKafka', { brokers: kafka.brokers, consumerGroupProtocol, secured: kafka.secured ?? null } satisfies LocalKafkaContext);
  return () => kafka.stop();
}
