import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SUMMARY = resolve(import.meta.dirname, '../../.ci/vitest-summary.mjs');

/** What the script prints and its exit status, run from `cwd` on the given report files. */
async function summary(cwd: string, files: string[]): Promise<{ lines: string[]; status: number }> {
  try {
    const { stdout } = await run(process.execPath, [SUMMARY, ...files], { cwd });
    return { lines: stdout.trimEnd().split('\n'), status: 0 };
  } catch (error) {
    const { stdout, code } = error as { stdout: string; code: number };
    return { lines: stdout.trimEnd().split('\n'), status: code };
  }
}

describe("CI's summary of Vitest's JSON reports", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitest-summary-'));
    await writeFile(
      join(dir, 'failing.json'),
      JSON.stringify({
        numTotalTests: 3,
        numPassedTests: 1,
        numFailedTests: 1,
        numPendingTests: 0,
        numTodoTests: 0,
        numRuntimeErrorTestSuites: 1,
        testResults: [
          {
            name: join(dir, 'packages/a/test/a.test.ts'),
            status: 'failed',
            message: '',
            assertionResults: [
              { fullName: 'a passes', status: 'passed', failureMessages: [] },
              { fullName: 'a group > fails', status: 'failed', failureMessages: ['\nAssertionError: expected 1 to be 2\n    at a.test.ts:3'] },
            ],
          },
          { name: join(dir, 'packages/b/test/b.test.ts'), status: 'failed', message: 'Error: Cannot find module x\n  at b.test.ts:1', assertionResults: [] },
        ],
      }),
    );
    await writeFile(
      join(dir, 'passing.json'),
      JSON.stringify({ numTotalTests: 2, numPassedTests: 2, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, testResults: [] }),
    );
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names each failed test and each file that failed to run, with the first line of its error, before the counts', async () => {
    expect(await summary(dir, ['failing.json', 'passing.json'])).toEqual({
      lines: [
        'failed: packages/a/test/a.test.ts > a group > fails: AssertionError: expected 1 to be 2',
        'failed: packages/b/test/b.test.ts: Error: Cannot find module x',
        'failing.json: 1 passed, 2 failed',
        'passing.json: 2 passed, 0 failed',
        '3 passed, 2 failed',
      ],
      status: 0,
    });
  });

  it('ends with the counts alone when nothing failed, and fails when a report is missing', async () => {
    expect(await summary(dir, ['passing.json'])).toEqual({ lines: ['2 passed, 0 failed'], status: 0 });
    const missing = await summary(dir, ['passing.json', 'absent.json']);
    expect(missing.status).toBe(1);
    expect(missing.lines.at(-1)).toBe('2 passed, 0 failed');
    expect(missing.lines[1]).toMatch(/^no Vitest report at absent\.json/);
  });
});
