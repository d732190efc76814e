import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCli } from '@kafka-assignors/cli';
import { memoryInput, printedFigures } from './memory-input.js';

const fixture = new URL('../fixtures/lab-script.json', import.meta.url);
const readme = new URL('../../README.md', import.meta.url);

describe('kafka-assignors lab --script', () => {
  it('takes every assignor through a scripted history with every kind of event', async () => {
    const input = memoryInput({ 'lab.json': await readFile(fixture, 'utf8') });
    const result = await runCli(['lab', '--script', 'lab.json', '--no-timings', '--out', 'report.html'], input);
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toMatch(/^kafka-assignors lab, script lab.json\n/);
    expect([...printedFigures(result.stdout).keys()]).toEqual(['active-standby', 'cooperative-sticky', 'range', 'roundrobin', 'sticky']);
    const report = input.written.get('report.html') ?? '';
    for (const line of [
      'pod-1 joins for orders, payments (rack a, static)',
      'pod-4 joins for orders, payments (rack a)',
      'pod-2 crashes',
      'pod-3 expires, its process still running; pod-4 leaves',
      'pod-3 rejoins as a zombie',
      'pod-3 subscribes to orders, payments',
      'payments gets 3 more partitions',
      'orders gets 2 more partitions',
      'payments is deleted',
      'nothing happens',
    ]) {
      expect(report).toContain(line);
    }
  });

  it('is the example the README shows', async () => {
    const example = /## Lab scripts[\s\S]*?```json\n([\s\S]*?)```/.exec(await readFile(readme, 'utf8'))?.[1];
    expect(JSON.parse(example ?? 'null')).toEqual(JSON.parse(await readFile(fixture, 'utf8')));
  });
});
