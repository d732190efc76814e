import { packageBuild } from '../../tsup.package.js';
import { fastCheckLoaders } from './tsup.fast-check.js';

export default packageBuild({
  entry: {
    index: 'src/index.ts',
    internal: 'src/internal.ts',
    'metrics/index': 'src/metrics/index.ts',
    'scenario/index': 'src/scenario/index.ts',
    'simulator/index': 'src/simulator/index.ts',
    'testing/index': 'src/testing/index.ts',
  },
  external: ['fast-check', 'prom-client'],
  ...fastCheckLoaders(),
});
