import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, GO, JDK_AND_MAVEN, missingToolLine, PYTHON, requireTool } from './tool-check.js';

describe('the tool checks of the test projects', () => {
  let emptyDir: string;
  let binDir: string;

  /** A fake program in binDir that prints `output` on standard error and exits with `status`. */
  async function fakeProgram(name: string, output: string, status = 0): Promise<void> {
    const file = join(binDir, name);
    await writeFile(file, `#!/bin/sh\nprintf '%s\\n' '${output}' >&2\nexit ${status}\n`);
    await chmod(file, 0o755);
  }

  beforeAll(async () => {
    emptyDir = await mkdtemp(join(tmpdir(), 'tool-check-empty-'));
    binDir = await mkdtemp(join(tmpdir(), 'tool-check-bin-'));
  });

  afterAll(async () => {
    await rm(emptyDir, { recursive: true, force: true });
    await rm(binDir, { recursive: true, force: true });
  });

  it('says in one line what the project needs, what is missing and what to install', () => {
    expect(missingToolLine('differential', JDK_AND_MAVEN, { PATH: emptyDir })).toBe(
      "the differential tests need a JDK 17+ and Maven 3.8+ on PATH (`java` not found): run 'sudo apt-get install openjdk-17-jdk-headless maven'",
    );
    expect(missingToolLine('bench-smoke', GO, { PATH: emptyDir })).toMatch(
      /^the bench-smoke tests need Go 1\.\d+(\.\d+)?\+ on PATH \(`go` not found\): install it from https:\/\/go\.dev\/dl\/$/,
    );
    expect(missingToolLine('integration', PYTHON, { PATH: emptyDir })).toBe(
      "the integration tests need Python 3.8+ with venv on PATH (as python3) (`python3` not found): run 'sudo apt-get install python3 python3-venv'",
    );
    const missingChromium = { ...CHROMIUM, programs: [{ command: join(emptyDir, 'chromium') }] };
    expect(missingToolLine('browser', missingChromium, { PATH: emptyDir })).toBe(
      `the browser tests need Chromium at /usr/bin/chromium (\`${join(emptyDir, 'chromium')}\` not found): run 'sudo apt-get install chromium' (npm test does this as root)`,
    );
  });

  it('reads the version each program prints and names one that is too old', async () => {
    await fakeProgram('java', 'openjdk version "17.0.15" 2025-04-15');
    await fakeProgram('mvn', '\u001b[1mApache Maven 3.9.6\u001b[m');
    expect(missingToolLine('differential', JDK_AND_MAVEN, { PATH: binDir })).toBeNull();

    await fakeProgram('java', 'java version "1.8.0_292"');
    expect(missingToolLine('differential', JDK_AND_MAVEN, { PATH: binDir })).toMatch(/ \(found java 1\.8\.0\): run /);

    await fakeProgram('go', 'go version go1.21.13 linux/amd64');
    expect(missingToolLine('bench-smoke', GO, { PATH: binDir })).toMatch(/ \(found go 1\.21\.13\): install it from /);

    await fakeProgram('python3', 'Python 3.7.17');
    expect(missingToolLine('integration', PYTHON, { PATH: binDir })).toMatch(/ \(found python3 3\.7\.17\): run /);
    await fakeProgram('python3', 'Python 3.11.7');
    expect(missingToolLine('integration', PYTHON, { PATH: binDir })).toBeNull();
  });

  it('passes on what a program that fails to answer said', async () => {
    await fakeProgram('go', 'go: cannot find GOROOT directory: /nowhere', 2);
    expect(missingToolLine('bench-smoke', GO, { PATH: binDir })).toMatch(/ \(`go version` failed: go: cannot find GOROOT directory: \/nowhere\): /);
  });

  it('fails a global setup with that line alone, no stack under it', () => {
    const line = missingToolLine('differential', JDK_AND_MAVEN, { PATH: emptyDir });
    const error = catchError(() => requireTool({ name: 'differential' } as TestProject, JDK_AND_MAVEN, { PATH: emptyDir }));
    expect(error.message).toBe(line);
    expect(error.stack).toBe(line);
  });
});

function catchError(run: () => void): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('did not throw');
}
