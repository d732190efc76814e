import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fingerprint } from '../src/maven-build.js';
import { javaProjectDir } from '../src/paths.js';

describe('the Maven projects', () => {
  test.each(['broker', 'peer'])('%s takes the Kafka version from the runner, pinning none of its own', async (project) => {
    const pom = await readFile(join(javaProjectDir(project), 'pom.xml'), 'utf8');
    expect(pom).toContain('<version>${kafka.version}</version>');
    expect(pom).not.toMatch(/<kafka\.version>/);
  });
});

describe('the build fingerprint', () => {
  let projectDir: string;
  const settings = (version: string, profiles: string[] = []) => ({ properties: { 'kafka.version': version }, profiles });

  beforeAll(async () => {
    projectDir = await mkdtemp(join(tmpdir(), 'fingerprint-'));
    await mkdir(join(projectDir, 'src'));
    await writeFile(join(projectDir, 'pom.xml'), '<project/>');
    await writeFile(join(projectDir, 'src', 'Main.java'), 'class Main {}');
  });
  afterAll(() => rm(projectDir, { recursive: true, force: true }));

  test('changes with the Kafka version and the profiles, so one cache holds a build of each', async () => {
    const base = await fingerprint(projectDir, settings('4.4.0', ['log4j2']));
    expect(await fingerprint(projectDir, settings('4.4.0', ['log4j2']))).toBe(base);
    expect(await fingerprint(projectDir, settings('3.9.1', ['log4j2']))).not.toBe(base);
    expect(await fingerprint(projectDir, settings('4.4.0', ['reload4j']))).not.toBe(base);
  });

  test('changes with the sources', async () => {
    const before = await fingerprint(projectDir, settings('4.4.0'));
    await writeFile(join(projectDir, 'src', 'Main.java'), 'class Main { int x; }');
    expect(await fingerprint(projectDir, settings('4.4.0'))).not.toBe(before);
  });
});
