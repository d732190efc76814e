/** A problem with what the user gave us: one line on standard error, exit status 2. */
export class UsageError extends Error {}
