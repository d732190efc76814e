import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { TestProject } from 'vitest/node';
import { MissingToolError } from '../src/missing-tool-error.js';
import setup from '../src/vitest/global-setup.js';

describe('the integration global setup without java and mvn', () => {
  let emptyDir: string;
  const provided = new Map<string, unknown>();
  const project = { provide: (key: string, value: unknown) => provided.set(key, value) } as unknown as TestProject;

  beforeEach(async () => {
    emptyDir = await mkdtemp(join(tmpdir(), 'local-kafka-no-tools-'));
    provided.clear();
    vi.stubEnv('PATH', emptyDir);
    vi.stubEnv('KAFKA_BROKERS', '');
  });

  afterEach(async () => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    await rm(emptyDir, { recursive: true, force: true });
  });

  test.each(['', 'true'])('fails the run with CI=%j, naming what to install, and provides nothing', async (ci) => {
    vi.stubEnv('CI', ci);
    const failure = setup(project);
    await expect(failure).rejects.toBeInstanceOf(MissingToolError);
    await expect(failure).rejects.toThrow(/apt-get install openjdk-17-jdk-headless maven/);
    expect(provided.size).toBe(0);
  });
});
