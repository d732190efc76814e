import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { API_REPORT_FOLDER, packageEntries, runApiReport } from './api-report.js';
import { publishedPackages } from './published-packages.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entries = publishedPackages(root).flatMap((pkg) => packageEntries(root, pkg));

describe(`the API report (${API_REPORT_FOLDER})`, () => {
  it('covers every entry of every published package', () => {
    expect(entries.map(({ reportName }) => reportName)).toEqual(
      expect.arrayContaining(['core', 'core-internal', 'core-scenario', 'core-simulator', 'core-testing', 'assignor-range', 'assignor-roundrobin', 'assignor-sticky', 'assignor-active-standby', 'cli']),
    );
  });

  it.each(entries.map((entry) => [entry.reportName, entry] as const))('matches the built API of %s (after a change: npm run api:update, and commit the report)', (_name, entry) => {
    const { matches, problems } = runApiReport(root, entry, false);
    expect(problems).toEqual([]);
    expect(matches).toBe(true);
  });
});
