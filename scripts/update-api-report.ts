// Rewrites etc/api from the built declarations (run `npm run build` first): `npm run api:update`.
import { fileURLToPath } from 'node:url';
import { packageEntries, runApiReport } from '../test/packaging/api-report.js';
import { publishedPackages } from '../test/packaging/published-packages.js';

const root = fileURLToPath(new URL('..', import.meta.url));
let problems = 0;
for (const entry of publishedPackages(root).flatMap((pkg) => packageEntries(root, pkg))) {
  const result = runApiReport(root, entry, true);
  for (const problem of result.problems) console.error(`${entry.reportName}: ${problem}`);
  problems += result.problems.length;
  console.log(`${entry.reportName}: ${result.matches ? 'unchanged' : 'updated'}`);
}
process.exitCode = problems === 0 ? 0 : 1;
