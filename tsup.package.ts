import { defineConfig, type Options } from 'tsup';

/** How every published package builds: ESM and CommonJS, each with its type declarations, for Node 20. */
export function packageBuild(options: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    ...options,
  });
}
