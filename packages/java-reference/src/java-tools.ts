import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { harnessBuildStatus } from './harness-build.js';

/** Whether an executable file called `name` is in one of the directories of the PATH, as a shell would find it. */
function isOnPath(name: string): boolean {
  return (process.env['PATH'] ?? '').split(delimiter).some((dir) => {
    if (dir === '') return false;
    try {
      const candidate = join(dir, name);
      accessSync(candidate, constants.X_OK);
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}


/**
 * Why the Java reference cannot run here, or null when it can: `java` must be on the PATH, and `mvn` too until
 * the harness has been built once.
 */
export async function javaReferenceUnavailable(): Promise<string | null> {
  const { built } = await harnessBuildStatus();
  const missing = (built ? ['java'] : ['java', 'mvn']).filter((tool) => !isOnPath(tool));
  if (missing.length === 0) return null;
  return (
    `${missing.map((tool) => `\`${tool}\``).join(' and ')} not found on the PATH; the Java reference needs a JDK 17+ and Maven 3.8+ ` +
    '(Debian/Ubuntu: apt-get install openjdk-17-jdk-headless maven)'
  );
}
