/**
 * The Apache Kafka release the broker runs when `KAFKA_VERSION` is not set: the newest 4.x release that
 * resolves from Maven Central and runs on JDK 17, pinned exactly.
 */
export const DEFAULT_KAFKA_VERSION = '4.4.0';

/**
 * The lines of releases the broker is built for. They differ in what the build and the configuration need:
 * 3.9 logs through reload4j and runs the Scala group coordinator; 4.x logs through Log4j 2 and runs the new
 * group coordinator, which speaks both the classic and the KIP-848 consumer group protocols.
 */
export type KafkaLine = '3.9' | '4';

export interface KafkaRelease {
  /** `major.minor.patch`, as Maven Central names it. */
  readonly version: string;
  readonly line: KafkaLine;
}

/** Raised when `KAFKA_VERSION` or `KAFKA_PEER_VERSION` names a release local-kafka does not run. */
export class KafkaVersionError extends Error {
  override readonly name = 'KafkaVersionError';

  constructor(
    readonly variable: string,
    readonly value: string,
    reason: string,
  ) {
    super(`${variable}=${value}: ${reason}`);
  }
}

/** The broker's release: `KAFKA_VERSION`, default DEFAULT_KAFKA_VERSION. Only 3.9.x and 4.x are supported. */
export function brokerRelease(environment: NodeJS.ProcessEnv = process.env): KafkaRelease {
  const version = setting(environment, 'KAFKA_VERSION') ?? DEFAULT_KAFKA_VERSION;
  const [major, minor] = versionNumbers('KAFKA_VERSION', version);
  if (major >= 4) return { version, line: '4' };
  if (major === 3 && minor === 9) return { version, line: '3.9' };
  throw new KafkaVersionError('KAFKA_VERSION', version, 'the local broker runs Kafka 3.9.x or 4.x (older brokers need ZooKeeper or lack KRaft features it uses)');
}

/**
 * The Java peer's kafka-clients release: `KAFKA_PEER_VERSION`, else the broker's. 3.7 is the oldest with the
 * `group.protocol` setting the peer sets.
 */
export function peerVersion(environment: NodeJS.ProcessEnv = process.env): string {
  const version = setting(environment, 'KAFKA_PEER_VERSION') ?? brokerRelease(environment).version;
  const [major, minor] = versionNumbers('KAFKA_PEER_VERSION', version);
  if (major < 3 || (major === 3 && minor < 7)) {
    throw new KafkaVersionError('KAFKA_PEER_VERSION', version, 'the Java peer needs kafka-clients 3.7 or later (it sets group.protocol)');
  }
  return version;
}

function setting(environment: NodeJS.ProcessEnv, variable: string): string | undefined {
  const value = environment[variable]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function versionNumbers(variable: string, version: string): [number, number] {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (match === null) throw new KafkaVersionError(variable, version, 'expected a release number such as 4.4.0');
  return [Number(match[1]), Number(match[2])];
}
