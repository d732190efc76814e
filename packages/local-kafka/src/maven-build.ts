import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { delimiter, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { cacheDir, javaProjectDir } from './paths.js';
import { requireTools } from './require-tools.js';

/** What a build is run with, besides the project's files: `-D` properties and `-P` profiles. */
export interface MavenBuildSettings {
  readonly properties: Readonly<Record<string, string>>;
  readonly profiles: readonly string[];
}

export interface MavenBuild {
  /** Compiled classes of the project. */
  readonly classesDir: string;
  /** The project's runtime dependency jars. */
  readonly libDir: string;
  /** `classes` plus `lib/*` as a java -cp value (the JVM expands the trailing `*`). */
  readonly classpath: string;
}

/**
 * Builds the Maven project java/<name> into the cache, once per version of its files and settings: the output
 * folder is named after a hash of the pom, the sources and the settings, and exists only when complete (Maven
 * writes into a private staging folder that is then renamed into place). A later run, or a concurrent one that
 * lost the race, reuses it without Maven. `label` (a version, say) makes the folder's name readable.
 */
export async function ensureMavenBuild(name: string, label: string, settings: MavenBuildSettings, progress: string): Promise<MavenBuild> {
  const projectDir = javaProjectDir(name);
  const outputDir = join(cacheDir, `${name}-${label}-${await fingerprint(projectDir, settings)}`);
  const build = describeBuild(outputDir);
  if (await isDirectory(outputDir)) return build;

  requireTools(['java', 'mvn']);
  process.stderr.write(`local-kafka: ${progress}\n`);
  await mkdir(cacheDir, { recursive: true });
  const stagingDir = `${outputDir}.staging-${randomUUID()}`;
  try {
    await runMaven(projectDir, stagingDir, settings);
    await rename(stagingDir, outputDir).catch(async (error: unknown) => {
      if (!(await isDirectory(outputDir))) throw error;
    });
  } finally {
    await rm(stagingDir, { recursive: true, force: true });
  }
  return build;
}

function describeBuild(outputDir: string): MavenBuild {
  const classesDir = join(outputDir, 'classes');
  const libDir = join(outputDir, 'lib');
  return { classesDir, libDir, classpath: [classesDir, join(libDir, '*')].join(delimiter) };
}

async function runMaven(projectDir: string, outputDir: string, { properties, profiles }: MavenBuildSettings): Promise<void> {
  const args = [
    '-q',
    '-B',
    '-f',
    join(projectDir, 'pom.xml'),
    ...(profiles.length > 0 ? [`-P${profiles.join(',')}`] : []),
    ...Object.entries(properties).map(([key, value]) => `-D${key}=${value}`),
    'compile',
    'dependency:copy-dependencies',
    `-Dlocal.kafka.output=${outputDir}`,
  ];
  try {
    await promisify(execFile)('mvn', args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`mvn ${args.join(' ')} failed:\n${`${stdout}\n${stderr}`.trim()}`, { cause: error });
  }
}

/**
 * Hash of what the build reads: the settings, the pom and the sources (not, say, the broker's runtime logging
 * configuration).
 */
export async function fingerprint(projectDir: string, settings: MavenBuildSettings): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ properties: Object.entries(settings.properties).sort(), profiles: [...settings.profiles].sort() })).update('\0');
  const files = [join(projectDir, 'pom.xml'), ...(await listFiles(join(projectDir, 'src')))];
  for (const file of files) {
    hash.update(relative(projectDir, file)).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)])),
  );
  return nested.flat().sort();
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
}
