import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Assignor } from '@kafka-assignors/core';
import type { OurAssignorEntry } from './our-assignors.js';

export type LoadedAssignor =
  | { readonly protocol: string; readonly create: () => Assignor }
  | { readonly protocol: string; readonly skipped: string };

/**
 * The entry's factory, or why it is skipped: its package has no entry module yet, or does not export the
 * factory yet. A package that is there but fails to load is an error, not a skip.
 */
export async function loadOurAssignor(entry: OurAssignorEntry): Promise<LoadedAssignor> {
  if (!existsSync(fileURLToPath(import.meta.resolve(entry.packageName)))) {
    return { protocol: entry.protocol, skipped: `${entry.packageName} has no implementation yet` };
  }
  const exports = (await import(entry.packageName)) as Record<string, unknown>;
  const factory = exports[entry.factory];
  if (typeof factory !== 'function') return { protocol: entry.protocol, skipped: `${entry.packageName} does not export ${entry.factory} yet` };
  return { protocol: entry.protocol, create: () => (factory as () => Assignor)() };
}
