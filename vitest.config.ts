import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources (the "kafka-assignors-source" export condition, which only
// this repository sets), so tests never run against a stale build.
const sources = { conditions: ['kafka-assignors-source'] };

// A test that needs more than Node sits in a folder named after its project, next to its package's other tests.
// Each of those projects checks its tools in a global setup (test/tools) and fails the run, before any test
// starts, with one line saying what to install.
const differential = ['packages/*/test/differential/**/*.test.ts'];
const benchSmoke = ['bench/test/smoke/**/*.test.ts'];
const browser = ['packages/*/test/browser/**/*.test.ts'];
const integration = ['packages/*/test/integration/**/*.test.ts', 'demo/test/integration/**/*.test.ts', 'chaos/test/integration/**/*.test.ts'];
const packaging = ['test/packaging/**/*.test.ts'];

export default defineConfig({
  resolve: sources,
  ssr: { resolve: { ...sources, externalConditions: ['kafka-assignors-source'] } },
  test: {
    reporters: process.env.CI ? ['default', ['json', { outputFile: process.env.VITEST_REPORT ?? '.vitest-report.json' }]] : ['default'],
    // Closing includes the integration project's global teardown, which stops the Kafka broker: SIGTERM, then
    // SIGKILL after 15 s. The default (10 s) could cut that short and leave a broker stuck in its shutdown.
    teardownTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Property tests run thousands of generated cases; on a loaded 2-core machine some take tens of seconds.
          testTimeout: 60_000,
          include: ['packages/*/test/**/*.test.ts', 'bench/test/**/*.test.ts', 'chaos/test/**/*.test.ts', 'demo/test/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'test/tools/**/*.test.ts'],
          exclude: [...differential, ...benchSmoke, ...browser, ...integration, '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'differential',
          include: differential,
          globalSetup: ['test/tools/require-jdk.ts'],
          // One JVM answers a batch of scenarios; the longer batches set their own timeouts.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'bench-smoke',
          include: benchSmoke,
          globalSetup: ['test/tools/require-go.ts', 'test/tools/require-jdk.ts'],
          // The first run builds the Java harness with Maven and the franz-go peer with go build, each fetching its libraries.
          testTimeout: 600_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: browser,
          globalSetup: ['test/tools/require-chromium.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'packaging',
          include: packaging,
          // Packs every package and installs the tarballs into a scratch app with npm.
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: integration,
          // Starts one real Kafka broker for the whole run and provides its address (see packages/local-kafka). Last,
          // so that the other projects' tool checks fail the run before a broker starts.
          globalSetup: ['test/tools/require-jdk.ts', 'packages/local-kafka/src/vitest/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
