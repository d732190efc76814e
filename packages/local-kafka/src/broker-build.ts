import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brokerRelease, type KafkaRelease } from './kafka-version.js';
import { ensureMavenBuild, type MavenBuild } from './maven-build.js';
import { javaProjectDir } from './paths.js';

/** The broker's jars and launcher for one Kafka release, and the JVM option that configures its logging. */
export interface BrokerBuild extends MavenBuild {
  readonly release: KafkaRelease;
  readonly loggingOption: string;
}

/**
 * The broker (java/broker) of `KAFKA_VERSION`, its jars fetched and compiled by Maven on first use. Each line
 * of releases has its own logging: reload4j on 3.9 (what its tarball ships), Log4j 2 on 4.x (KIP-653).
 */
export async function ensureBrokerBuild(environment: NodeJS.ProcessEnv = process.env): Promise<BrokerBuild> {
  const release = brokerRelease(environment);
  const logging = release.line === '3.9' ? 'reload4j' : 'log4j2';
  const build = await ensureMavenBuild(
    'broker',
    release.version,
    { properties: { 'kafka.version': release.version }, profiles: [logging] },
    `fetching Kafka ${release.version} jars with Maven, first run only…`,
  );
  const configuration = (file: string): string => pathToFileURL(join(javaProjectDir('broker'), file)).href;
  const loggingOption =
    logging === 'reload4j' ? `-Dlog4j.configuration=${configuration('log4j.properties')}` : `-Dlog4j2.configurationFile=${configuration('log4j2.properties')}`;
  return { ...build, release, loggingOption };
}
