import { KAFKA_VERSION } from './kafka-version.js';
import { ensureMavenBuild, type MavenBuild } from './maven-build.js';

/** The Java consumer peer (java/peer), compiled by Maven on first use. */
export function ensureJavaPeerBuild(): Promise<MavenBuild> {
  return ensureMavenBuild('peer', `building the Java consumer peer (kafka-clients ${KAFKA_VERSION}) with Maven, first run only…`);
}
