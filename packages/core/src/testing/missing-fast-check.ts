/** What importing the testing entry says when fast-check is not installed. */
export const MISSING_FAST_CHECK = '@kafka-assignors/core/testing needs fast-check, an optional peer dependency that is not installed: npm install --save-dev fast-check';

/**
 * Whether loading fast-check failed because fast-check itself cannot be found: Node says `Cannot find package
 * 'fast-check'` (import) or `Cannot find module 'fast-check'` (require). A package missing from under an
 * installed fast-check is named in its own quotes, and reported as it is.
 */
export function isMissingFastCheck(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && typeof message === 'string' && message.includes("'fast-check'");
}
