import { describe, expect, it } from 'vitest';
import { runCli } from '@kafka-assignors/cli';
import { DEFAULT_HISTORY_SETTINGS, generateHistory } from '../../src/lab/generate-history.js';
import { memoryInput, printedFigures } from './memory-input.js';

async function lab(args: readonly string[]) {
  const input = memoryInput();
  const result = await runCli(['lab', '--out', 'report.html', ...args], input);
  expect(result).toMatchObject({ exitCode: 0, stderr: '' });
  return { stdout: result.stdout, report: input.written.get('report.html') ?? '' };
}

describe('kafka-assignors lab, run twice', () => {
  it('gives the same figures and the same report for the same seed, timings left out', async () => {
    const first = await lab(['--seed', '42', '--no-timings']);
    const second = await lab(['--seed', '42', '--no-timings']);
    expect(second.stdout).toBe(first.stdout);
    expect(second.report).toBe(first.report);
    expect(first.report).toContain('seed 42');
    expect(first.report).toContain('Timings were left out');
    expect(first.report).not.toContain('assign ms');
  });

  it('goes through another history with another seed', async () => {
    const one = generateHistory({ ...DEFAULT_HISTORY_SETTINGS, seed: 1 });
    const two = generateHistory({ ...DEFAULT_HISTORY_SETTINGS, seed: 2 });
    expect(two.rounds).not.toEqual(one.rounds);
    expect(generateHistory({ ...DEFAULT_HISTORY_SETTINGS, seed: 1 })).toEqual(one);
    expect((await lab(['--seed', '2', '--no-timings'])).report).not.toBe((await lab(['--seed', '1', '--no-timings'])).report);
  });

  it('times each assignment with the clock, and says timings vary', async () => {
    // The test clock ticks one millisecond per reading, so every assign() call takes 1 ms.
    const { stdout, report } = await lab(['--rounds', '5', '-a', 'range']);
    expect(stdout).toMatch(/assign ms +assign ms\n/);
    expect(printedFigures(stdout).get('range')?.slice(-2)).toEqual([1, 1]);
    expect(stdout).toContain('Timings are wall-clock times');
    expect(report).toContain('Timings are wall-clock times');
  });

  it('keeps to the generator\'s rules over many seeds: the group never empties, only expired members rejoin', () => {
    for (let seed = 0; seed < 200; seed++) {
      const history = generateHistory({ ...DEFAULT_HISTORY_SETTINGS, seed, members: 2, rounds: 40 });
      const running = new Set(history.members.map((member) => member.member));
      const expired = new Set<string>();
      for (const event of history.rounds.flat()) {
        if (event.event === 'join') running.add(event.member);
        if (event.event === 'leave' || event.event === 'crash' || event.event === 'expire' || event.event === 'subscribe') {
          expect(running.has(event.member)).toBe(true);
        }
        if (event.event === 'leave' || event.event === 'crash' || event.event === 'expire') running.delete(event.member);
        if (event.event === 'expire') expired.add(event.member);
        if (event.event === 'rejoin') {
          expect(expired.delete(event.member)).toBe(true);
          running.add(event.member);
        }
        expect(running.size).toBeGreaterThan(0);
      }
    }
  });
});
