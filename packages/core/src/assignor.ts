import type { Group, GroupAssignment, MemberAssignment, TopicPartitions } from './model.js';

/** KIP-429 rebalance protocols. Eager members give up everything before joining; cooperative ones keep what they own. */
export type RebalanceProtocol = 'eager' | 'cooperative';

/**
 * What a member knows about itself when it joins: the input of its subscription user data.
 * Keeping this outside the assignor lets a stateful assignor (sticky, active-standby) derive its user data
 * from the member's last rebalance alone, exactly as a live member, a simulator or a scenario file would.
 */
export interface MemberContext {
  /** The member id of the last completed rebalance, `null` before the first one. */
  readonly memberId: string | null;
  /** The generation of the last completed rebalance, -1 before the first one. */
  readonly generationId: number;
  /** What the member received in its last completed rebalance, empty before the first one. */
  readonly assignment: readonly TopicPartitions[];
  /** The topics the member subscribes to now. */
  readonly topics: readonly string[];
}

/** What a member learns when a rebalance completes (Java's ConsumerGroupMetadata, reduced). */
export interface AssignmentMetadata {
  readonly memberId: string;
  readonly generationId: number;
  /**
   * The session timeout the member joined with, in milliseconds: how long the coordinator keeps it in the
   * group without a heartbeat. Absent where no client reports it (the simulator, which has no clock).
   */
  readonly sessionTimeoutMs?: number;
  /**
   * When the member sent the JoinGroup request of this rebalance, on the adapter's clock; given with
   * `sessionTimeoutMs`. The coordinator restarts every member's session when the join completes, which is
   * after this, so the member's lease counts from here: never from when the answer arrived.
   */
  readonly requestSentAt?: number;
  /**
   * True when no leader assigned this rebalance: the group is a KIP-848 consumer group (Kafka 4.x), this member
   * takes part in it through the classic protocol, and the broker's own assignor chose every assignment. The
   * group's protocol then names an assignor that ran nowhere; the assignment carries no user data of its own.
   */
  readonly assignedByBroker?: boolean;
}

/** The group coordinator accepted a heartbeat of the member: it is still in the group, in this generation. */
export interface HeartbeatMetadata {
  readonly memberId: string;
  readonly generationId: number;
  /** The session timeout the member joined with, in milliseconds. */
  readonly sessionTimeoutMs: number;
  /**
   * When the member sent this heartbeat, on the adapter's clock. The coordinator restarted the member's
   * session when it received the heartbeat, which is after this; so `requestSentAt + sessionTimeoutMs`
   * never outlives the coordinator's session, however late the answer is read.
   */
  readonly requestSentAt: number;
}

/** What an assignor logs through: the client's logger as an adapter hands it over (KafkaJS' logger fits). */
export interface AssignorLogger {
  info(message: string, extra?: object): void;
  warn(message: string, extra?: object): void;
  error(message: string, extra?: object): void;
}

/**
 * A partition assignment strategy. An assignor with member hooks (`onAssignment`, `onHeartbeat`,
 * `onLeave`) keeps that member's state, so one instance serves one consumer: the adapters refuse a second.
 */
export interface Assignor {
  /** The protocol name advertised in JoinGroup; members that share it must share the algorithm and bytes. */
  readonly name: string;
  /** The rebalance protocols the assignor can run under, preferred first. */
  readonly rebalanceProtocols: readonly RebalanceProtocol[];
  /**
   * What a leader writes as the assignment user data of every member when its client writes the same for all
   * (@platformatic/kafka, whose `assignmentUserData` is one option), instead of each member's from `assign`.
   * Absent: such a leader writes none. An assignor whose members learn their role from their user data gives
   * bytes that let each member read it from its partitions (active-standby does).
   */
  readonly commonAssignmentUserData?: Uint8Array;
  /** The user data this member puts in its subscription; `null` (the default) sends none. */
  subscriptionUserData?(member: MemberContext): Uint8Array | null;
  /**
   * Runs on the leader only. Pure and synchronous: the same group gives the same result whichever member
   * leads, and whatever the order of `group.members`. Must return an entry for every member.
   */
  assign(group: Group): GroupAssignment;
  /** Called on every member, leader included, with its own assignment when a rebalance completes. */
  onAssignment?(assignment: MemberAssignment, metadata: AssignmentMetadata): void;
  /**
   * Called on the member each time the coordinator accepts its heartbeat. With the time of the last call,
   * a member can tell when the coordinator may have expired it, before anyone tells it so (self-fencing).
   */
  onHeartbeat?(heartbeat: HeartbeatMetadata): void;
  /** Called on the member when it leaves the group on its own (LeaveGroup, as `consumer.disconnect()` sends). */
  onLeave?(): void;
  /**
   * Called once by an adapter when it takes the assignor for a consumer, before the consumer joins, with the
   * client's logger: `kafkajsAssigner` hands over the logger KafkaJS gives the consumer's assigners, in a
   * namespace named after the assignor. An assignor that logs should log through it from then on, unless
   * its user gave it a logger of its own; where no adapter runs it (the simulator, the command line) it is
   * never called, and the assignor keeps its default.
   */
  useLogger?(logger: AssignorLogger): void;
}

/**
 * The protocol a member runs with this assignor, chosen as the Java client chooses: the most capable
 * protocol the assignor supports. A cooperative member reports what it owns when it joins.
 */
export function memberRebalanceProtocol(assignor: Assignor): RebalanceProtocol {
  return assignor.rebalanceProtocols.includes('cooperative') ? 'cooperative' : 'eager';
}
