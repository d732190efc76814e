import type { ConsumerProtocolError } from '../codec/index.js';
import type { TopicPartitions } from '../model.js';
import type { AssignmentViolation } from '../validate-assignment.js';
import type { PartitionMovement } from './partition-movement.js';

/** One member's part in a round: what it received, as it decoded it. */
export interface RoundMember {
  /** The simulator's name for the consumer process; it outlives member ids across rejoins. */
  readonly name: string;
  readonly memberId: string;
  readonly partitions: readonly TopicPartitions[];
  /** A cooperative member that lost partitions it still owned asks for another round. */
  readonly requestsRejoin: boolean;
}

/** A member whose subscription bytes the leader could not read: it takes part with an empty assignment. */
export interface SubscriptionDecodeFailure {
  readonly name: string;
  readonly memberId: string;
  readonly error: ConsumerProtocolError;
}

/** What one rebalance round did. */
export interface RebalanceRound {
  readonly generationId: number;
  /** The leader's member id; `null` when the group had no members. */
  readonly leader: string | null;
  /** Every member of the round, in join order. */
  readonly members: readonly RoundMember[];
  /** Compared with the previous round of the same simulator, by member name. */
  readonly movement: PartitionMovement;
  /** Member ids of members that received no partitions. */
  readonly idleMembers: readonly string[];
  readonly decodeFailures: readonly SubscriptionDecodeFailure[];
  /** What `validateAssignment` found in the leader's result. */
  readonly violations: readonly AssignmentViolation[];
}
