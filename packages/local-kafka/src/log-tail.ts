import { readFile } from 'node:fs/promises';

/**
 * The last `lines` lines of a log file, leaving out Java stack frames: a failing broker logs the same trace
 * several times, and the frames would push its cause ("Caused by: …") out of view.
 */
export async function logTail(file: string, lines: number): Promise<string> {
  try {
    const text = await readFile(file, 'utf8');
    return text
      .trimEnd()
      .split('\n')
      .filter((line) => !/^\s+(at |\.\.\. \d+ more)/.test(line))
      .slice(-lines)
      .join('\n');
  } catch (error) {
    return `(no log: ${(error as Error).message})`;
  }
}
