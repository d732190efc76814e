import { packageBuild } from '../../tsup.package.js';

// A command-line tool: ESM is enough.
export default packageBuild({
  entry: ['src/index.ts', 'src/main.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
});
