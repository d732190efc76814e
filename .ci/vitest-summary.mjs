// Prints "N passed, N failed" (", N skipped" when any were) from Vitest's JSON report.
// Exits non-zero when the report is missing or counts no test at all.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.vitest-report.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.log(`no Vitest report at ${file} (${error.message})`);
  console.log('0 passed, 0 failed');
  process.exit(1);
}
const skipped = report.numPendingTests + report.numTodoTests;
const failed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
console.log(`${report.numPassedTests} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(report.numTotalTests === 0 ? 1 : 0);
