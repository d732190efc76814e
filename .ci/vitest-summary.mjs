// Prints "N passed, N failed" (", N skipped" when any were) summed over Vitest's JSON reports, after a line per
// report when there are several, and before those a line for each failed test or file with the first line of its
// error: the end of a long run's output is often all that is kept of it. Exits non-zero when a report is missing or
// counts no test at all.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

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
  for (const failure of failures(report)) console.log(`failed: ${failure}`);
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

function failures(report) {
  const found = [];
  for (const file of report.testResults ?? []) {
    const path = relative(process.cwd(), file.name);
    const failedTests = (file.assertionResults ?? []).filter(({ status }) => status === 'failed');
    for (const test of failedTests) found.push(`${path} > ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    if (file.status === 'failed' && failedTests.length === 0) found.push(`${path}: ${firstLine(file.message)}`);
  }
  return found;
}

function firstLine(text) {
  return (text ?? '').split('\n').find((part) => part.trim() !== '')?.trim() ?? 'no message';
}

function line({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}
