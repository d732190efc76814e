/** A process joins the group under a name of its own; `isStatic` gives it that name as group instance id. */
export interface JoinEvent {
  readonly event: 'join';
  readonly member: string;
  readonly topics: readonly string[];
  readonly rackId: string | null;
  readonly isStatic: boolean;
}

/**
 * One change to the group, naming the member or topic it concerns. `leave` sends LeaveGroup, `crash` dies
 * without it, `expire` has the broker drop a member whose process lives on, and `rejoin` brings such a
 * process back with what it remembers (a zombie).
 */
export type LabEvent =
  | JoinEvent
  | { readonly event: 'leave' | 'crash' | 'expire' | 'rejoin'; readonly member: string }
  | { readonly event: 'subscribe'; readonly member: string; readonly topics: readonly string[] }
  /** Grows a topic, or creates it when it does not exist; `replicaRacks` has one entry per new partition. */
  | { readonly event: 'add-partitions'; readonly topic: string; readonly count: number; readonly replicaRacks: readonly (readonly string[])[] | null }
  | { readonly event: 'delete-topic'; readonly topic: string };

export type LabEventKind = LabEvent['event'];

export const LAB_EVENT_KINDS: readonly LabEventKind[] = ['join', 'leave', 'crash', 'expire', 'rejoin', 'subscribe', 'add-partitions', 'delete-topic'];

export interface LabTopic {
  readonly name: string;
  readonly partitions: number;
  readonly replicaRacks: readonly (readonly string[])[] | null;
}

/**
 * The life of a group that every assignor goes through: the topics and members it starts with (round 0,
 * where the group forms), then rounds of events, after each of which the group rebalances until it settles.
 */
export interface LabHistory {
  /** Where the history comes from, for the reader: the generator's settings or the script file. */
  readonly origin: string;
  readonly topics: readonly LabTopic[];
  readonly members: readonly JoinEvent[];
  readonly rounds: readonly (readonly LabEvent[])[];
}
