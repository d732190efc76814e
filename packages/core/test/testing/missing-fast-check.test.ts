import { describe, expect, it } from 'vitest';
import { isMissingFastCheck, MISSING_FAST_CHECK } from '../../src/testing/missing-fast-check.js';

const notFound = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('isMissingFastCheck', () => {
  it.each([
    ['import', notFound('ERR_MODULE_NOT_FOUND', "Cannot find package 'fast-check' imported from /app/node_modules/@kafka-assignors/core/dist/testing/index.js")],
    ['require', notFound('MODULE_NOT_FOUND', "Cannot find module 'fast-check'\nRequire stack:\n- /app/node_modules/@kafka-assignors/core/dist/testing/index.cjs")],
  ])('recognises fast-check missing under %s', (_, error) => {
    expect(isMissingFastCheck(error)).toBe(true);
  });

  it.each([
    ['a package fast-check needs', notFound('ERR_MODULE_NOT_FOUND', "Cannot find package 'pure-rand' imported from /app/node_modules/fast-check/lib/fast-check.js")],
    ['a file missing from fast-check', notFound('MODULE_NOT_FOUND', "Cannot find module '/app/node_modules/fast-check/lib/cjs/fast-check.js'")],
    ['another error of fast-check', new TypeError("Cannot read properties of undefined (reading 'fast-check')")],
    ['a thrown string', "Cannot find package 'fast-check'"],
  ])('leaves %s to be reported as it is', (_, error) => {
    expect(isMissingFastCheck(error)).toBe(false);
  });

  it('says on one line what is missing and how to install it', () => {
    expect(MISSING_FAST_CHECK).not.toContain('\n');
    expect(MISSING_FAST_CHECK).toMatch(/^@kafka-assignors\/core\/testing needs fast-check.*: npm install --save-dev fast-check$/);
  });
});
