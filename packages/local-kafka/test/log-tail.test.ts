import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { logTail } from '../src/log-tail.js';

describe('logTail', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'local-kafka-log-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('keeps the last lines and the causes of a Java stack trace, without its frames', async () => {
    const file = join(dir, 'broker.log');
    await writeFile(
      file,
      [
        'first',
        'java.lang.RuntimeException: fatal',
        '\tat kafka.Kafka.main(Kafka.scala:112)',
        'Caused by: java.net.BindException: Address already in use',
        '\tat java.base/sun.nio.ch.Net.bind0(Native Method)',
        '\t... 7 more',
        'last',
        '',
      ].join('\n'),
    );
    expect(await logTail(file, 3)).toBe(
      ['java.lang.RuntimeException: fatal', 'Caused by: java.net.BindException: Address already in use', 'last'].join('\n'),
    );
  });

  test('says why there is no log', async () => {
    expect(await logTail(join(dir, 'missing.log'), 5)).toMatch(/^\(no log: .*ENOENT/);
  });
});
