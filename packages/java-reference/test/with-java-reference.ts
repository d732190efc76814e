import { beforeAll, describe, it } from 'vitest';
import { javaAssignments, javaReferenceUnavailable } from '@kafka-assignors/java-reference';

/** The first run builds the harness with Maven, which may download kafka-clients. */
const FIRST_BUILD_TIMEOUT_MS = 300_000;

const unavailable = await javaReferenceUnavailable();

/**
 * A suite of tests that run the Java reference, with the harness built before they start. Without `java` (or
 * `mvn`, before the first build) it is skipped with one test naming the reason, except under CI=true, where
 * that test fails instead.
 */
export function describeWithJavaReference(name: string, tests: () => void): void {
  describe(name, () => {
    if (unavailable === null) {
      beforeAll(async () => {
        await javaAssignments('range', []);
      }, FIRST_BUILD_TIMEOUT_MS);
      tests();
    } else if (process.env['CI'] === 'true') {
      it('needs the Java reference under CI=true', () => {
        throw new Error(unavailable);
      });
    } else {
      it.skip(`skipped: ${unavailable}`, () => undefined);
    }
  });
}
