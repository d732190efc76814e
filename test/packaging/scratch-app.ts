import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { PackedPackage } from './published-packages.js';

/**
 * What a user's app installs beside our packages, at the versions this repository is tested with.
 * @platformatic/kafka's declarations import `debug` without depending on its types, so strict type-checking
 * needs @types/debug.
 */
const PEERS = ['kafkajs', '@platformatic/kafka', '@types/debug', 'fast-check', 'prom-client', 'typescript', '@types/node'];

/** The version npm installed at the root (read from the folder: not every package exports its package.json). */
function installedVersion(root: string, name: string): string {
  return (JSON.parse(readFileSync(`${root}/node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
}

/**
 * An app of its own outside the workspace, as a user would have: the tarballs installed from files, with
 * kafkajs, @platformatic/kafka, fast-check, TypeScript and Node's types from the registry (npm's cache, after
 * `npm ci`), so that nothing resolves to the workspace.
 */
export function installScratchApp(root: string, directory: string, packages: readonly PackedPackage[]): void {
  mkdirSync(directory, { recursive: true });
  writeFileSync(`${directory}/package.json`, `${JSON.stringify({ name: 'scratch-app', private: true, type: 'module' }, null, 2)}\n`);
  const peers = PEERS.map((name) => `${name}@${installedVersion(root, name)}`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...packages.map(({ tarball }) => tarball), ...peers], {
    cwd: directory,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}
