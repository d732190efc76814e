import { KAFKA_VERSION } from './kafka-version.js';
import { ensureMavenBuild, type MavenBuild } from './maven-build.js';

/** The broker's jars and launcher (java/broker), fetched and compiled by Maven on first use. */
export function ensureBrokerBuild(): Promise<MavenBuild> {
  return ensureMavenBuild('broker', `fetching Kafka ${KAFKA_VERSION} jars with Maven, first run only…`);
}
