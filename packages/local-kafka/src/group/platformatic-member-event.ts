/** The assignors a @platformatic/kafka member process can run, by protocol name. */
export type PlatformaticMemberAssignor = 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky' | 'active-standby';

/** What a member process is started with (its one argument, as JSON). */
export interface PlatformaticMemberSettings {
  readonly brokers: readonly string[];
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly clientId: string;
  readonly assignor: PlatformaticMemberAssignor;
  readonly groupInstanceId?: string;
  readonly clientRack?: string;
  readonly sessionTimeoutMs: number;
  readonly rebalanceTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
}

/**
 * One line of a member process's output. `at` is the machine's monotonic clock in milliseconds (the same in
 * every process of the machine, so events of several processes can be ordered).
 */
export type PlatformaticMemberEvent =
  | { readonly event: 'ready' }
  /** The consumer's `consumer:group:join`: a rebalance completed for the member. */
  | { readonly event: 'joined'; readonly memberId: string; readonly generationId: number; readonly isLeader: boolean }
  /** The assignor's `onAssignment`, through the adapter: partitions as sorted `topic-partition`, user data in hex. */
  | {
      readonly event: 'assigned';
      readonly memberId: string;
      readonly generationId: number;
      readonly partitions: readonly string[];
      readonly userData: string | null;
      /** The active-standby assignor's `isActive()` right after the assignment; null under other assignors. */
      readonly active: boolean | null;
      readonly at: number;
    }
  /**
   * A record the consumer's stream delivered; `held` says whether its partition was in the consumer's assignment
   * at that moment (a fetch sent before a rebalance can deliver records of a partition the member no longer holds).
   */
  | { readonly event: 'consumed'; readonly partition: string; readonly key: string; readonly offset: string; readonly held: boolean; readonly at: number }
  | { readonly event: 'error'; readonly message: string }
  | { readonly event: 'stopped' };

export function hexOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

const EVENTS = new Set(['ready', 'joined', 'assigned', 'consumed', 'error', 'stopped']);

/** Reads one output line; throws on anything that is not an event. */
export function parsePlatformaticMemberEvent(line: string): PlatformaticMemberEvent {
  const event = JSON.parse(line) as { event?: unknown };
  if (typeof event !== 'object' || event === null || !EVENTS.has(event.event as string)) throw new Error(`not a member event: ${line}`);
  return event as PlatformaticMemberEvent;
}
