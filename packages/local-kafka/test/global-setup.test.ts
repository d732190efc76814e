import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { TestProject } from 'vitest/node';
import { MissingToolError } from '../src/missing-tool-error.js';
import setup from '../src/vitest/global-setup.js';
import type { LocalKafkaContext } from '../src/vitest/provided-context.js';

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

  test('on a developer machine, provides the reason to skip and prints it once', async () => {
    vi.stubEnv('CI', '');
    const write = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    const teardown = await setup(project);
    const notices = write.mock.calls.filter(([chunk]) => String(chunk).includes('skipping the Kafka integration tests'));
    write.mockRestore();
    const context = provided.get('localKafka') as LocalKafkaContext;
    expect('skipReason' in context && context.skipReason).toMatch(/apt-get install openjdk-17-jdk-headless maven/);
    expect(notices).toHaveLength(1);
    await teardown();
  });

  test('under CI, fails the run', async () => {
    vi.stubEnv('CI', 'true');
    await expect(setup(project)).rejects.toBeInstanceOf(MissingToolError);
    expect(provided.size).toBe(0);
  });
});
