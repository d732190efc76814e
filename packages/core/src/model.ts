/**
 * The group model: what a group leader knows when it assigns partitions.
 * Names follow the Java consumer protocol (ConsumerProtocolSubscription, ConsumerProtocolAssignment)
 * so that they can be found in its source.
 */

/** A topic's partitions as one entry: how the consumer protocol lists owned and assigned partitions. */
export interface TopicPartitions {
  readonly topic: string;
  readonly partitions: readonly number[];
}

/** What the leader's metadata says about one topic. */
export interface TopicMetadata {
  readonly partitionCount: number;
  /** For each partition index, the racks of its replicas (KIP-881). Absent when brokers have no racks. */
  readonly replicaRacks?: readonly (readonly string[])[];
}

/**
 * Topics by name. A topic missing here does not exist (yet, or any more), and is not assigned; a topic
 * here has at least one partition.
 */
export type ClusterMetadata = ReadonlyMap<string, TopicMetadata>;

/** One member's Subscription as it travels in JoinGroup (consumer protocol v0 to v3). */
export interface Subscription {
  readonly topics: readonly string[];
  /** Assignor-specific bytes; `null` is distinct from empty on the wire. */
  readonly userData: Uint8Array | null;
  /** Partitions the member still holds (cooperative members; eager members send none). Since v1. */
  readonly ownedPartitions: readonly TopicPartitions[];
  /** The generation of the member's last completed rebalance, -1 when unknown. Since v2. */
  readonly generationId: number;
  /** The member's `client.rack`, `null` when it has none. Since v3. */
  readonly rackId: string | null;
}

/** A member as the leader sees it in the JoinGroup response. */
export interface GroupMember {
  readonly memberId: string;
  /** KIP-345 static membership id; not part of the subscription bytes. */
  readonly groupInstanceId: string | null;
  readonly subscription: Subscription;
}

/** The input of an assignment: the members whose subscriptions could be read, and the topics that exist. */
export interface Group {
  readonly members: readonly GroupMember[];
  readonly topics: ClusterMetadata;
}

/** What one member receives (consumer protocol Assignment). */
export interface MemberAssignment {
  readonly partitions: readonly TopicPartitions[];
  readonly userData: Uint8Array | null;
}

/** The leader's result: one entry for every member of the group, by member id. */
export type GroupAssignment = ReadonlyMap<string, MemberAssignment>;
