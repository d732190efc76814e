import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources (the "kafka-assignors-source" export condition, which only
// this repository sets), so tests never run against a stale build.
const sources = { conditions: ['kafka-assignors-source'] };

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
          include: ['packages/*/test/**/*.test.ts', 'bench/test/**/*.test.ts', 'chaos/test/**/*.test.ts'],
          exclude: ['**/test/integration/**', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['packages/*/test/integration/**/*.test.ts', 'demo/test/integration/**/*.test.ts', 'chaos/test/integration/**/*.test.ts'],
          // Starts one real Kafka broker for the whole run and provides its address (see packages/local-kafka).
          globalSetup: ['packages/local-kafka/src/vitest/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
