import type FastCheck from 'fast-check';
import { isMissingFastCheck, MISSING_FAST_CHECK } from './missing-fast-check.js';

/*
 * The ESM build's fast-check (see fast-check.ts). A static import fails at link time, before any code of the
 * package runs; a dynamic one, awaited at the top level, can be caught, and still loads fast-check's ESM
 * build: the instance of the application's own `import fc from 'fast-check'`.
 */
let fc: typeof FastCheck;
try {
  fc = (await import('fast-check')).default;
} catch (error) {
  if (isMissingFastCheck(error)) throw new Error(MISSING_FAST_CHECK);
  throw error;
}

export default fc;
