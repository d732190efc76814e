import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MissingToolError } from '../src/missing-tool-error.js';
import { findOnPath, requireTools } from '../src/require-tools.js';

describe('tool lookup', () => {
  let binDir: string;
  let emptyDir: string;

  beforeAll(async () => {
    binDir = await mkdtemp(join(tmpdir(), 'local-kafka-bin-'));
    emptyDir = await mkdtemp(join(tmpdir(), 'local-kafka-empty-'));
    await writeFile(join(binDir, 'java'), '#!/bin/sh\n');
    await chmod(join(binDir, 'java'), 0o755);
    await writeFile(join(binDir, 'mvn'), 'not executable');
  });

  afterAll(async () => {
    await rm(binDir, { recursive: true, force: true });
    await rm(emptyDir, { recursive: true, force: true });
  });

  test('finds executable files along the search path, in order', () => {
    expect(findOnPath('java', [emptyDir, binDir].join(delimiter))).toBe(join(binDir, 'java'));
    expect(findOnPath('mvn', binDir)).toBeUndefined();
    expect(findOnPath('java', '')).toBeUndefined();
  });

  test('names every missing tool in one error that says what to install', () => {
    expect(() => requireTools(['java'], binDir)).not.toThrow();
    const attempt = (): void => requireTools(['java', 'mvn'], emptyDir);
    expect(attempt).toThrow(MissingToolError);
    expect(attempt).toThrow(/`java` and `mvn` not found.*apt-get install openjdk-17-jdk-headless maven/);
    try {
      attempt();
    } catch (error) {
      expect((error as MissingToolError).tools).toEqual(['java', 'mvn']);
    }
  });
});
