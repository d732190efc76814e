import type FastCheck from 'fast-check';
import { isMissingFastCheck, MISSING_FAST_CHECK } from './missing-fast-check.js';

/*
 * The CommonJS build's fast-check (see fast-check.ts). CommonJS has no top-level await, and needs none: a
 * `require` fails when it runs, where it can be caught.
 */
function requireFastCheck(): typeof FastCheck {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- this module exists to be the CommonJS build's require
    return (require('fast-check') as { default: typeof FastCheck }).default;
  } catch (error) {
    if (isMissingFastCheck(error)) throw new Error(MISSING_FAST_CHECK);
    throw error;
  }
}

export default requireFastCheck();
