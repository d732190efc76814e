import { peerVersion } from './kafka-version.js';
import { ensureMavenBuild, type MavenBuild } from './maven-build.js';

/** The Java consumer peer (java/peer) on kafka-clients `KAFKA_PEER_VERSION` (default: the broker's), compiled by Maven on first use. */
export function ensureJavaPeerBuild(environment: NodeJS.ProcessEnv = process.env): Promise<MavenBuild> {
  const version = peerVersion(environment);
  return ensureMavenBuild(
    'peer',
    version,
    { properties: { 'kafka.version': version }, profiles: [] },
    `building the Java consumer peer (kafka-clients ${version}) with Maven, first run only…`,
  );
}
