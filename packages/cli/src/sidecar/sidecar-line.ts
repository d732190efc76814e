import type { RoleChange } from '@kafka-assignors/assignor-active-standby';

/** What the sidecar reports on standard output, one JSON object per line, for the pod's logs. */
export type SidecarLine =
  | {
      readonly event: 'serving';
      readonly url: string;
      readonly brokers: readonly string[];
      /** PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL: how the sidecar reaches the cluster, never its secrets. */
      readonly security: string;
      readonly groupId: string; readonly topics: readonly string[];
      readonly name: string | null;
      readonly priority: number;
    }
  | ({ readonly event: 'roleChange' } & RoleChange)
  | { readonly event: 'log'; readonly level: string; readonly namespace: string; readonly message: string; readonly [field: string]: unknown }
  | { readonly event: 'stopping' }
  | { readonly event: 'left' };

export function sidecarLine(line: SidecarLine): string {
  return `${JSON.stringify(line)}\n`;
}
