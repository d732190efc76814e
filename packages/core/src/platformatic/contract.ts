/**
 * The parts of @platformatic/kafka 2.x that the adapter relies on, typed structurally so that core needs no
 * runtime dependency on the client. `PlatformaticGroupOptions` fits the consumer's `GroupOptions` (a type test
 * checks it); the rest is what its diagnostics channels publish (node:diagnostics_channel, names under
 * `plt:kafka:`) and what its consumer emits.
 */

/** A topic and some of its partitions, as the client lists assignments and owned partitions. */
export interface PlatformaticTopicPartitions {
  topic: string;
  partitions: number[];
}

/** The leader's fresh metadata for the group's topics, as the client hands it to `partitionAssigner`. */
export interface PlatformaticClusterMetadata {
  brokers: Map<number, { rack?: string | null | undefined }>;
  topics: Map<string, { partitionsCount: number; partitions: { replicas: number[] }[] }>;
}

/** One member of the JoinGroup response as the client decoded it for `partitionAssigner`. */
export interface PlatformaticMember {
  memberId: string;
}

/** One member's entry of the leader's result; the client encodes it. */
export interface PlatformaticMemberAssignment {
  memberId: string;
  assignments: Map<string, PlatformaticTopicPartitions>;
}

export type PlatformaticPartitionAssigner = (
  current: string,
  members: Map<string, PlatformaticMember>,
  topics: Set<string>,
  metadata: PlatformaticClusterMetadata,
) => PlatformaticMemberAssignment[];

export type PlatformaticProtocolsMetadata = (
  protocols: { name: string; version: number }[],
  topics: string[],
  metadata: PlatformaticClusterMetadata,
  /** The client's callback, which the adapter does not use: it returns the user data. */
  callback: unknown,
) => Buffer;

/** What `platformaticAssigner` returns: options of the client's `Consumer` (or of `consume()`), to spread in. */
export interface PlatformaticGroupOptions {
  /** The one protocol the member offers: the assignor's name, in the consumer-protocol version the adapter writes. */
  readonly protocols: { name: string; version: number }[];
  readonly protocolsMetadata: PlatformaticProtocolsMetadata;
  readonly partitionAssigner: PlatformaticPartitionAssigner;
  /** The client writes one assignment user data for every member; present when the assignor gives one. */
  readonly assignmentUserData?: Buffer;
}

/** The consumer, as the adapter listens to it once it has seen it join. */
export interface PlatformaticConsumer {
  /** What the consumer's connections name as their owner (`connection.ownerId`). */
  readonly instanceId: number;
  readonly groupId: string;
  on(event: string, listener: (payload: never) => void): unknown;
}

/** `consumer:group:join`, emitted when a rebalance has completed for the member. */
export interface PlatformaticJoinPayload {
  memberId: string;
  generationId?: number;
  isLeader?: boolean;
  assignments?: PlatformaticTopicPartitions[];
}

/** `consumer:heartbeat:start` and `consumer:heartbeat:end`: one object for one heartbeat, passed to both. */
export interface PlatformaticHeartbeatPayload {
  memberId?: string | null;
  generationId?: number;
}

/** A member of a JoinGroup response, as the connection decoded it (bytes untouched). */
export interface PlatformaticJoinGroupMember {
  memberId: string;
  groupInstanceId: string | null;
  metadata: Buffer | null;
}

/** The JoinGroup response, as the connection decoded it. */
export interface PlatformaticJoinGroupResponse {
  generationId: number;
  protocolName: string | null;
  leader: string;
  memberId: string;
  members: PlatformaticJoinGroupMember[];
}

/** The SyncGroup response, as the connection decoded it. */
export interface PlatformaticSyncGroupResponse {
  protocolName?: string | null;
  assignment: Buffer;
}
