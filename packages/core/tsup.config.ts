import { packageBuild } from '../../tsup.package.js';

export default packageBuild({
  entry: { index: 'src/index.ts', 'simulator/index': 'src/simulator/index.ts', 'testing/index': 'src/testing/index.ts' },
  external: ['fast-check'],
});
