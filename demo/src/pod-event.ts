import type { RoleChange } from '@kafka-assignors/assignor-active-standby';

/** One line a pod process prints on standard output. */
export type PodEvent =
  | { readonly event: 'ready'; readonly name: string; readonly pid: number }
  | ({ readonly event: 'role'; readonly at: number } & RoleChange)
  | { readonly event: 'joined'; readonly memberId: string; readonly generationId: number }
  | { readonly event: 'processed'; readonly keys: readonly string[] }
  | { readonly event: 'stopped' };
