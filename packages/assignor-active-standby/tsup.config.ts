import { packageBuild } from '../../tsup.package.js';

export default packageBuild({
  entry: {
    index: 'src/index.ts',
    'metrics/index': 'src/metrics/index.ts',
  },
});
