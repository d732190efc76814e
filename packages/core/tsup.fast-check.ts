import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Format, Options } from 'tsup';

type BuildOptions = Parameters<NonNullable<Options['esbuildOptions']>>[0];

const sourceModule = fileURLToPath(new URL('src/testing/fast-check.ts', import.meta.url));
const loaders: Readonly<Partial<Record<Format, string>>> = {
  esm: fileURLToPath(new URL('src/testing/fast-check-esm.ts', import.meta.url)),
  cjs: fileURLToPath(new URL('src/testing/fast-check-cjs.ts', import.meta.url)),
};

/**
 * Build options that put, in each format, that format's loader of fast-check in the place of
 * src/testing/fast-check.ts, so that the testing entry says how to install fast-check when it is missing. The
 * ESM loader needs top-level await, which CommonJS cannot have; spread these into the package's build options.
 *
 * tsup tells the format to `esbuildOptions` only (its CommonJS build with shared chunks even runs esbuild as ESM),
 * and calls it with the very options object that the plugins of that build are then set up with.
 */
export function fastCheckLoaders(): Pick<Options, 'esbuildOptions' | 'esbuildPlugins'> {
  const formats = new WeakMap<BuildOptions, Format>();
  return {
    esbuildOptions(options, { format }) {
      formats.set(options, format);
    },
    esbuildPlugins: [
      {
        name: 'fast-check-loader',
        setup(build) {
          const format = formats.get(build.initialOptions);
          const loader = format === undefined ? undefined : loaders[format];
          if (loader === undefined) throw new Error(`no fast-check loader for the ${format ?? 'unknown'} format`);
          build.onResolve({ filter: /\/fast-check\.js$/ }, ({ path, resolveDir }) =>
            resolve(resolveDir, path.replace(/\.js$/, '.ts')) === sourceModule ? { path: loader } : undefined,
          );
        },
      },
    ],
  };
}
