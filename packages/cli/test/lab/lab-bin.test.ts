import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

describe('the built kafka-assignors lab', () => {
  it('writes its report to the file named, and no progress bar when standard error is not a terminal', async () => {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run "npm run build" first (npm test does)`);
    const directory = await mkdtemp(join(tmpdir(), 'lab-bin-'));
    try {
      const report = join(directory, 'report.html');
      const result = spawnSync(process.execPath, [bin, 'lab', '--rounds', '5', '-a', 'range', '--out', report], { encoding: 'utf8' });
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain(`Report: ${report}\n`);
      expect(result.stdout).toMatch(/\nrange +\d+/);
      await expect(readFile(report, 'utf8')).resolves.toMatch(/^<!doctype html>/);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
