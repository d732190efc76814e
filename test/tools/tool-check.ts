import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { TestProject } from 'vitest/node';
// The module itself, not the package's entry, which loads all of the broker tooling (and our core) with it.
import { findOnPath } from '../../packages/local-kafka/src/require-tools.js';

/** A program, by name on the PATH or by absolute path, and the oldest version that will do when that matters. */
export interface Program {
  readonly command: string;
  /** How to ask for the version, and where the answer has it (the first group). */
  readonly version?: { readonly args: readonly string[]; readonly pattern: RegExp; readonly minimum: string };
}

/** What a Vitest project needs beyond Node, as its failure says it, and what to do about it. */
export interface Requirement {
  readonly needs: string;
  readonly install: string;
  readonly programs: readonly Program[];
}

export const JDK_AND_MAVEN: Requirement = {
  needs: 'a JDK 17+ and Maven 3.8+ on PATH',
  install: "run 'sudo apt-get install openjdk-17-jdk-headless maven'",
  programs: [
    { command: 'java', version: { args: ['-version'], pattern: /version "(\d+(?:\.\d+)*)/, minimum: '17' } },
    { command: 'mvn', version: { args: ['-v'], pattern: /Apache Maven (\d+(?:\.\d+)*)/, minimum: '3.8' } },
  ],
};

// The go directive of the franz-go peer's module: the oldest Go that builds it.
const goMinimum = /^go (\S+)$/m.exec(readFileSync(new URL('../../bench/peers/franz-go/go.mod', import.meta.url), 'utf8'))?.[1] ?? '';

export const GO: Requirement = {
  needs: `Go ${goMinimum}+ on PATH`,
  install: 'install it from https://go.dev/dl/',
  programs: [{ command: 'go', version: { args: ['version'], pattern: /go version go(\d+(?:\.\d+)*)/, minimum: goMinimum } }],
};

export const CHROMIUM: Requirement = {
  needs: 'Chromium at /usr/bin/chromium',
  install: "run 'sudo apt-get install chromium' (npm test does this as root)",
  programs: [{ command: '/usr/bin/chromium' }],
};

// The oldest Python that the pinned confluent-kafka of examples/sidecar-python ships wheels for.
export const PYTHON: Requirement = {
  needs: 'Python 3.8+ with venv on PATH (as python3)',
  install: "run 'sudo apt-get install python3 python3-venv'",
  programs: [{ command: 'python3', version: { args: ['--version'], pattern: /Python (\d+(?:\.\d+)*)/, minimum: '3.8' } }],
};

/** The one line the `project` tests fail with under `env` (its PATH), or null when they have what they need. */
export function missingToolLine(project: string, requirement: Requirement, env: NodeJS.ProcessEnv = process.env): string | null {
  for (const program of requirement.programs) {
    const problem = programProblem(program, env);
    if (problem !== null) return `the ${project} tests need ${requirement.needs} (${problem}): ${requirement.install}`;
  }
  return null;
}

/**
 * The body of a project's global setup: throws that one line, which fails the run before any test starts. The
 * stack is left out because it would only point here.
 */
export function requireTool(project: TestProject, requirement: Requirement, env: NodeJS.ProcessEnv = process.env): void {
  const line = missingToolLine(project.name, requirement, env);
  if (line === null) return;
  const error = new Error(line);
  error.stack = line;
  throw error;
}

function programProblem({ command, version }: Program, env: NodeJS.ProcessEnv): string | null {
  const path = isAbsolute(command) ? (isExecutable(command) ? command : undefined) : findOnPath(command, env['PATH'] ?? '');
  if (path === undefined) return `\`${command}\` not found`;
  if (version === undefined) return null;
  const probe = [command, ...version.args].join(' ');
  const result = spawnSync(path, version.args, { env, encoding: 'utf8', timeout: 30_000 });
  const output = stripVTControlCharacters(`${result.stdout ?? ''}${result.stderr ?? ''}`).trim();
  if (result.error !== undefined || result.status !== 0) return `\`${probe}\` failed: ${result.error?.message ?? output.split('\n')[0]}`;
  const found = version.pattern.exec(output)?.[1];
  if (found === undefined) return `\`${probe}\` printed no version: ${output.split('\n')[0]}`;
  return isAtLeast(found, version.minimum) ? null : `found ${command} ${found}`;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function isAtLeast(version: string, minimum: string): boolean {
  const have = version.split('.').map(Number);
  const need = minimum.split('.').map(Number);
  for (let index = 0; index < need.length; index++) {
    const difference = (have[index] ?? 0) - (need[index] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
}
