/**
 * fast-check, an optional peer dependency, as the testing entry's modules import it. Run from source this is
 * the repository's own dev dependency. The build puts a loader of its format in this module's place
 * (fast-check-esm.ts, fast-check-cjs.ts; see tsup.fast-check.ts), which says how to install fast-check when
 * it is missing, where this static import would fail with Node's bare ERR_MODULE_NOT_FOUND.
 */
export { default } from 'fast-check';
