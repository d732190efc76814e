import { describe, expect, it } from 'vitest';
import { runCli, type Terminal } from '@kafka-assignors/cli';
import { ProgressBar } from '../../src/lab/progress-bar.js';
import { memoryInput } from './memory-input.js';

function recordingTerminal(columns = 80): Terminal & { readonly output: string[] } {
  const output: string[] = [];
  return { output, columns, write: (text) => void output.push(text) };
}

describe('the lab\'s progress bar', () => {
  it('stays away from short runs, then redraws one line in place and erases it at the end', () => {
    const terminal = recordingTerminal();
    let time = 0;
    const bar = new ProgressBar(terminal, () => time, 4);
    bar.update(1, 'range');
    expect(terminal.output).toEqual([]);
    time = 1000;
    bar.update(2, 'range');
    bar.update(2, 'range');
    bar.update(4, 'sticky');
    bar.finish();
    expect(terminal.output).toEqual([
      `\r${'lab ['.concat('#'.repeat(20), '-'.repeat(20), ']  50% range')}\u001b[K`,
      `\rlab [${'#'.repeat(40)}] 100% sticky\u001b[K`,
      '\r\u001b[K',
    ]);
  });

  it('draws nothing without a terminal', () => {
    let time = 0;
    const bar = new ProgressBar(null, () => (time += 1000), 2);
    bar.update(1, 'range');
    bar.finish();
    expect(time).toBe(1000);
  });

  it('shows on the terminal during a long lab run, never in its output', async () => {
    const terminal = recordingTerminal(60);
    const input = memoryInput({}, terminal);
    const result = await runCli(['lab', '--rounds', '200', '-a', 'range'], input);
    expect(result.exitCode).toBe(0);
    expect(terminal.output.length).toBeGreaterThan(2);
    expect(terminal.output.at(-2)).toBe(`\rlab [${'#'.repeat(39)}] 100% range\u001b[K`);
    expect(terminal.output.at(-1)).toBe('\r\u001b[K');
    expect(result.stdout).not.toContain('lab [');
    expect(result.stderr).toBe('');
  });
});
