import { randomUUID } from 'node:crypto';

/** `prefix` plus a random suffix: topic and group names that no other test, run or rerun shares. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 13)}`;
}
