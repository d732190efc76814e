import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '@kafka-assignors/cli';
import { memoryInput } from './lab/memory-input.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const bin = fileURLToPath(new URL('../dist/main.js', import.meta.url));

const input = memoryInput();

describe('kafka-assignors --version', () => {
  it.each(['--version', '-V'])('%s prints the version of the package and exits 0', async (option) => {
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(await runCli([option], input)).toEqual({ exitCode: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('is in the usage text', async () => {
    const { stdout } = await runCli(['--help'], input);
    expect(stdout).toMatch(/kafka-assignors --help \| --version\n/);
    expect(stdout).toMatch(/\n {2}--version, -V {3}Prints the version of kafka-assignors\.\n/);
  });

  it('reads the version from the build as well', () => {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run "npm run build" first (npm test does)`);
    const result = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect([result.status, result.stdout, result.stderr]).toEqual([0, `${version}\n`, '']);
  });
});
