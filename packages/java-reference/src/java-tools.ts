import { findOnPath } from '@kafka-assignors/local-kafka';
import { harnessBuildStatus } from './harness-build.js';

/**
 * Why the Java reference cannot run here, or null when it can: `java` must be on the PATH, and `mvn` too until
 * the harness has been built once.
 */
export async function javaReferenceUnavailable(): Promise<string | null> {
  const { built } = await harnessBuildStatus();
  const missing = (built ? ['java'] : ['java', 'mvn']).filter((tool) => findOnPath(tool) === undefined);
  if (missing.length === 0) return null;
  return (
    `${missing.map((tool) => `\`${tool}\``).join(' and ')} not found on the PATH; the Java reference needs a JDK 17+ and Maven 3.8+ ` +
    '(Debian/Ubuntu: apt-get install openjdk-17-jdk-headless maven)'
  );
}
