import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { delimiter, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The Maven project of the harness. */
const projectDir = fileURLToPath(new URL('../java/', import.meta.url));
/** Gitignored; holds one build per version of the project's files. */
const cacheDir = fileURLToPath(new URL('../.cache/', import.meta.url));

export interface HarnessBuild {
  /** The harness's classes and the jars it runs with, as a `java -cp` value. */
  readonly classpath: string;
}

/**
 * Where the harness's build for the current pom and sources lives, and whether it is there. The folder is named
 * after a hash of what the build reads, and only appears once complete, so its presence is the marker that
 * saves a later run from calling Maven.
 */
export async function harnessBuildStatus(): Promise<{ readonly outputDir: string; readonly built: boolean }> {
  const outputDir = join(cacheDir, `harness-${await fingerprint()}`);
  return { outputDir, built: await isDirectory(outputDir) };
}

/**
 * Builds the harness with Maven (kafka-clients and its jars fetched from Maven Central) unless this version is
 * already built. Maven writes into a private staging folder that is then renamed into place, so a concurrent
 * run that loses the race reuses the winner's build.
 */
export async function ensureHarnessBuild(): Promise<HarnessBuild> {
  const { outputDir, built } = await harnessBuildStatus();
  if (!built) {
    process.stderr.write('java-reference: building the Java reference harness (kafka-clients 3.9.1) with Maven, first run only…\n');
    await mkdir(cacheDir, { recursive: true });
    const stagingDir = `${outputDir}.staging-${randomUUID()}`;
    try {
      await runMaven(stagingDir);
      await rename(stagingDir, outputDir).catch(async (error: unknown) => {
        if (!(await isDirectory(outputDir))) throw error;
      });
    } finally {
      await rm(stagingDir, { recursive: true, force: true });
    }
  }
  return { classpath: [join(outputDir, 'classes'), join(outputDir, 'lib', '*')].join(delimiter) };
}

async function runMaven(outputDir: string): Promise<void> {
  const args = ['-q', '-B', '-f', join(projectDir, 'pom.xml'), 'compile', 'dependency:copy-dependencies', `-Dreference.output=${outputDir}`];
  try {
    await promisify(execFile)('mvn', args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`mvn ${args.join(' ')} failed:\n${`${stdout}\n${stderr}`.trim()}`, { cause: error });
  }
}

/** Hash of what the build reads: the pom and the Java sources. */
async function fingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [join(projectDir, 'pom.xml'), ...(await listFiles(join(projectDir, 'src')))]) {
    hash.update(relative(projectDir, file)).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map(async (entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)])));
  return nested.flat().sort();
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
}
