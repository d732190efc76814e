import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The installed version of an npm package of the bench's dependencies. */
export function packageVersion(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}
