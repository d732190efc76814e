import { defineConfig, type Options } from 'tsup';

/**
 * How every published package builds: ESM and CommonJS, each with its type declarations, for Node 20. Code
 * shared by several entries goes into shared chunks in both formats, so that each class and module-level cache
 * exists once per format (`instanceof` holds across entries under `require` as under `import`).
 */
export function packageBuild(options: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    splitting: true,
    sourcemap: true,
    target: 'node20',
    ...options,
  });
}
