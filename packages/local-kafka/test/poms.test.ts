import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { KAFKA_VERSION } from '../src/kafka-version.js';
import { javaProjectDir } from '../src/paths.js';

describe('the Maven projects', () => {
  test.each(['broker', 'peer'])('%s pins the Kafka version the runner reports', async (project) => {
    const pom = await readFile(join(javaProjectDir(project), 'pom.xml'), 'utf8');
    expect(pom).toContain(`<kafka.version>${KAFKA_VERSION}</kafka.version>`);
  });
});
