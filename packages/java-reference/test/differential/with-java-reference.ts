import { beforeAll, describe } from 'vitest';
import { javaAssignments } from '@kafka-assignors/java-reference';

/** The first run builds the harness with Maven, which may download kafka-clients. */
const FIRST_BUILD_TIMEOUT_MS = 300_000;

/**
 * A suite of tests that run the Java reference, with the harness built before they start. The differential
 * project's global setup has already failed the run if `java` or `mvn` is missing.
 */
export function describeWithJavaReference(name: string, tests: () => void): void {
  describe(name, () => {
    beforeAll(async () => {
      await javaAssignments('range', []);
    }, FIRST_BUILD_TIMEOUT_MS);
    tests();
  });
}
