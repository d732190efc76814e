/**
 * The KafkaJS settings every chaos pod runs with: the active-standby README's recommendations, with the
 * session timeout at the broker's default floor (6 s), the tightest a user can choose and so the hardest
 * test of the lease.
 */
export const CHAOS_POD_SETTINGS = {
  sessionTimeout: 6_000,
  heartbeatInterval: 1_000,
  rebalanceTimeout: 30_000,
  maxWaitTimeInMs: 1_000,
} as const;

/** Names of the broker listeners the pods connect through, one per pod slot, each behind that pod's proxies. */
export const POD_LISTENERS = ['POD0', 'POD1', 'POD2'] as const;

/** The pods of a run, by slot: the first has the highest priority, so it is the first active. */
export const POD_PRIORITIES = [30, 20, 10] as const;

/** One message every 20 ms. */
export const PRODUCE_INTERVAL_MS = 20;
