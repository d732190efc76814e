import { readFile } from 'node:fs/promises';

/**
 * The version in this package's package.json, read when asked: the file is one directory up from the sources
 * and from the build alike (src/ and dist/), so the same path serves both.
 */
export async function cliVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { readonly version: string };
  return manifest.version;
}
