import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources (the "source" export condition), so tests never
// run against a stale build.
const sources = { conditions: ['source'] };

export default defineConfig({
  resolve: sources,
  ssr: { resolve: { ...sources, externalConditions: ['source'] } },
  test: {
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-report.json' }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'bench/test/**/*.test.ts'],
          exclude: ['**/test/integration/**', '**/node_modules/**'],
        },
      },
    ],
  },
});
