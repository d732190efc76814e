// Prints "N passed, N failed" (", N skipped" when any were) summed over Vitest's JSON reports, after a line per
// report when there are several. Exits non-zero when a report is missing or counts no test at all.
import { readFileSync } from 'node:fs';

const files = process.argv.length > 2 ? process.argv.slice(2) : ['.vitest-report.json'];
const total = { passed: 0, failed: 0, skipped: 0 };
let complete = true;
for (const file of files) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.log(`no Vitest report at ${file} (${error.message})`);
    complete = false;
    continue;
  }
  const counts = {
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0),
    skipped: report.numPendingTests + report.numTodoTests,
  };
  if (report.numTotalTests === 0) {
    // What a run stopped by a global setup (a missing tool, a broker that did not start) leaves.
    console.log(`${file}: no test ran; Vitest's output above says why`);
    complete = false;
  } else if (files.length > 1) {
    console.log(`${file}: ${line(counts)}`);
  }
  for (const key of Object.keys(total)) total[key] += counts[key];
}
console.log(line(total));
process.exit(complete ? 0 : 1);

function line({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}
