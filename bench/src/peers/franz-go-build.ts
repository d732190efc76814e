import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The Go program (bench/peers/franz-go): go.mod and go.sum pin franz-go. */
export const franzGoProgramDir = fileURLToPath(new URL('../../peers/franz-go/', import.meta.url));
/** Gitignored; holds one build per version of the program's files. */
const cacheDir = fileURLToPath(new URL('../../.cache/', import.meta.url));
const BINARY = 'franz-go-peer';

/**
 * The franz-go peer's binary, built with `go build` unless this version of the program is already built: the
 * folder is named after a hash of go.mod, go.sum and the sources, and only appears once complete. The first build
 * fetches franz-go through the Go module proxy into the module cache, later builds of a changed program work
 * offline from it. GOTOOLCHAIN=local: go.mod's version is what this machine's Go must be, never a download.
 */
export async function ensureFranzGoBuild(): Promise<string> {
  const outputDir = join(cacheDir, `${BINARY}-${await fingerprint()}`);
  const binary = join(outputDir, BINARY);
  if (await isFile(binary)) return binary;

  process.stderr.write('bench: building the franz-go peer with go build, first run only…\n');
  await mkdir(cacheDir, { recursive: true });
  const stagingDir = `${outputDir}.staging-${randomUUID()}`;
  try {
    await runGoBuild(join(stagingDir, BINARY));
    await rename(stagingDir, outputDir).catch(async (error: unknown) => {
      if (!(await isFile(binary))) throw error;
    });
  } finally {
    await rm(stagingDir, { recursive: true, force: true });
  }
  return binary;
}

async function runGoBuild(output: string): Promise<void> {
  const args = ['build', '-mod=readonly', '-buildvcs=false', '-trimpath', '-o', output, '.'];
  try {
    await promisify(execFile)('go', args, { cwd: franzGoProgramDir, env: { ...process.env, GOTOOLCHAIN: 'local' }, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`go ${args.join(' ')} failed:\n${`${stdout}\n${stderr}`.trim()}`, { cause: error });
  }
}

async function fingerprint(): Promise<string> {
  const files = (await readdir(franzGoProgramDir)).filter((file) => file === 'go.mod' || file === 'go.sum' || file.endsWith('.go')).sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(await readFile(join(franzGoProgramDir, file))).update('\0');
  return hash.digest('hex').slice(0, 12);
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (stats) => stats.isFile(),
    () => false,
  );
}
