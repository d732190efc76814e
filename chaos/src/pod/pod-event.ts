import type { Role, RoleChangeReason } from '@kafka-assignors/assignor-active-standby';

/**
 * What a chaos pod reports, one JSON line each, with times in monotonic ms (the machine's monotonic clock,
 * which the orchestrator reads alike).
 */
export type ChaosPodEvent =
  | { readonly event: 'ready'; readonly pid: number }
  | {
      readonly event: 'role';
      readonly role: Role;
      readonly reason: RoleChangeReason;
      readonly generationId: number;
      readonly at: number;
      /** The lease as it stood at the change: a change to standby ends the active interval no later than this. */
      readonly leaseExpiresAt: number | null;
    }
  /** The lease was extended (an accepted heartbeat), so that a pod that dies while active has a known end. */
  | { readonly event: 'lease'; readonly leaseExpiresAt: number }
  | { readonly event: 'blocked'; readonly ms: number }
  | { readonly event: 'stopped' };

/** What the orchestrator can tell a running pod, one JSON line each on its standard input. */
export type ChaosPodCommand = { readonly command: 'block'; readonly ms: number };
