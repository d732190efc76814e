import { kafkaConnectionFromEnvironment, securityProtocol, type KafkaConnection } from '@kafka-assignors/cli';
import { brokerRelease, kafkaFromEnvironment, parseBrokerList, type RunningKafka } from '@kafka-assignors/local-kafka';

/** The cluster the demo runs on, how its pods and producer reach it, and a line saying which it is. */
export interface DemoKafka {
  readonly kafka: RunningKafka;
  readonly connection: KafkaConnection;
}

const SECURITY_VARIABLES = /^KAFKA_(SSL|SASL)/;

/**
 * The cluster in KAFKA_BROKERS, reached with the TLS and SASL variables the CLI reads (KAFKA_SSL, KAFKA_SSL_CA,
 * KAFKA_SASL_MECHANISM, ...), once it answers; without KAFKA_BROKERS, a local plaintext broker. `say` tells the user
 * which, before the wait.
 */
export async function demoKafka(say: (line: string) => void, environment: NodeJS.ProcessEnv = process.env): Promise<DemoKafka> {
  if (!environment['KAFKA_BROKERS']) {
    const stray = Object.keys(environment).filter((name) => SECURITY_VARIABLES.test(name) && environment[name]);
    if (stray.length > 0) throw new Error(`${stray.join(', ')} set without KAFKA_BROKERS: the local broker the demo starts is plaintext; name your cluster in KAFKA_BROKERS`);
    say(`Starting a local Kafka ${brokerRelease(environment).version} broker (KAFKA_VERSION to change it; the first run fetches its jars with Maven)...`);
    const kafka = await kafkaFromEnvironment({}, environment);
    return { kafka, connection: { brokers: parseBrokerList(kafka.brokers) } };
  }
  const connection = await kafkaConnectionFromEnvironment(environment);
  say(`Using the cluster at ${connection.brokers.join(',')} (${securityProtocol(connection)}).`);
  const { brokers, ...security } = connection;
  const kafka = await kafkaFromEnvironment({ security }, environment);
  return { kafka, connection };
}
