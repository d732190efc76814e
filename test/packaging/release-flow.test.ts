import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { publishedPackages } from './published-packages.js';

// `changeset version` on a copy of the workspace's manifests and pending changesets: what a release would do.

const root = fileURLToPath(new URL('../..', import.meta.url));
const copy = mkdtempSync(join(tmpdir(), 'kafka-assignors-release-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

interface Manifest {
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function manifest(base: string, directory: string): Manifest {
  return JSON.parse(readFileSync(join(base, directory, 'package.json'), 'utf8')) as Manifest;
}

function git(args: string[]) {
  execFileSync('git', ['-c', 'user.name=release-test', '-c', 'user.email=release-test@localhost', ...args], { cwd: copy, stdio: 'ignore' });
}

describe('the release flow (Changesets)', () => {
  const workspaces = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;
  const published = publishedPackages(root);
  const pending = readdirSync(join(root, '.changeset')).filter((file) => file.endsWith('.md') && file !== 'README.md');

  it('has pending changesets only in the format Changesets reads, naming published packages', () => {
    for (const file of pending) {
      const text = readFileSync(join(root, '.changeset', file), 'utf8');
      expect(text, file).toMatch(/^---\n('@kafka-assignors\/[\w-]+': (patch|minor|major)\n)+---\n\n\S/);
      for (const [, name] of text.matchAll(/^'([^']+)': /gm)) expect(published.map((pkg) => pkg.name), file).toContain(name);
    }
  });

  it('bumps what the changesets name, writes the changelogs and updates every range on a bumped package together', () => {
    for (const file of ['package.json', ...workspaces.map((directory) => join(directory, 'package.json'))]) cpSync(join(root, file), join(copy, file));
    cpSync(join(root, '.changeset'), join(copy, '.changeset'), { recursive: true });
    // One change of core's, whatever is pending: its dependents must follow it.
    writeFileSync(join(copy, '.changeset/release-test.md'), "---\n'@kafka-assignors/core': patch\n---\n\nA change made by the release test.\n");
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
    git(['init', '-q']);
    git(['add', '-A']);
    git(['commit', '-qm', 'before the release']);
    execFileSync(process.execPath, [join(root, 'node_modules/@changesets/cli/bin.js'), 'version'], { cwd: copy, stdio: 'pipe' });

    expect(readdirSync(join(copy, '.changeset')).filter((file) => file.endsWith('.md') && file !== 'README.md')).toEqual([]);
    const versions = new Map(published.map(({ name, directory }) => [name, manifest(copy, directory).version]));
    const core = published.find(({ name }) => name === '@kafka-assignors/core')!;
    expect(versions.get(core.name)).not.toBe(manifest(root, core.directory).version);
    expect(readFileSync(join(copy, core.directory, 'CHANGELOG.md'), 'utf8')).toContain(`## ${versions.get(core.name)}`);
    expect(readFileSync(join(copy, core.directory, 'CHANGELOG.md'), 'utf8')).toContain('A change made by the release test.');
    for (const directory of workspaces) {
      const released = manifest(copy, directory);
      if (released.private === true) expect(released.version, directory).toBe(manifest(root, directory).version);
      for (const [name, range] of Object.entries({ ...released.dependencies, ...released.devDependencies })) {
        if (versions.has(name)) expect(range, `${directory} -> ${name}`).toBe(`^${versions.get(name)}`);
      }
    }
  });
});
