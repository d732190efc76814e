import { fileURLToPath } from 'node:url';

/** Root of this package; the Maven projects live in its java/ folder. */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** Maven projects under java/, by folder name. */
export const javaProjectDir = (name: string): string => fileURLToPath(new URL(`../java/${name}/`, import.meta.url));

/** Gitignored folder for build outputs: compiled classes and copied jars, one folder per project version. */
export const cacheDir = fileURLToPath(new URL('../.cache/', import.meta.url));
