import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cacheDir } from './paths.js';

/**
 * The Node.js release that @platformatic/kafka members run on. Its 2.x releases need Node 22.22 or later
 * (they use `Promise.withResolvers`); the project itself is proven on Node 20, so its members run in a child
 * process on this release, which npm installs from the registry's `node-<platform>-<arch>` package.
 */
export const PLATFORMATIC_NODE_VERSION = '22.23.5';

/**
 * The path of a `node` binary that runs @platformatic/kafka: this process's own from Node 22.22 up, otherwise
 * Node PLATFORMATIC_NODE_VERSION, installed into the cache by npm on first use (into a staging folder renamed
 * into place, so that concurrent callers never see half an install).
 */
export async function ensurePlatformaticNode(): Promise<string> {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 22)) return process.execPath;
  const packageName = `node-${process.platform}-${process.arch}`;
  const installDir = join(cacheDir, `node-${PLATFORMATIC_NODE_VERSION}`);
  const binary = join(installDir, 'node_modules', packageName, 'bin', 'node');
  if (await exists(binary)) return binary;

  process.stderr.write(`local-kafka: installing Node ${PLATFORMATIC_NODE_VERSION} for @platformatic/kafka members with npm, first run only…\n`);
  await mkdir(cacheDir, { recursive: true });
  const stagingDir = `${installDir}.staging-${randomUUID()}`;
  const args = ['install', '--prefix', stagingDir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `${packageName}@${PLATFORMATIC_NODE_VERSION}`];
  try {
    await mkdir(stagingDir, { recursive: true });
    await promisify(execFile)('npm', args, { maxBuffer: 16 * 1024 * 1024 }).catch((error: unknown) => {
      const { stderr = '' } = error as { stderr?: string };
      throw new Error(`npm ${args.join(' ')} failed:\n${stderr.trim()}`, { cause: error });
    });
    await rename(stagingDir, installDir).catch(async (error: unknown) => {
      if (!(await exists(binary))) throw error;
    });
  } finally {
    await rm(stagingDir, { recursive: true, force: true });
  }
  return binary;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
