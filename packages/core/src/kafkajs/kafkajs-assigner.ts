import { bindAssignorToConsumer } from '../assignor-binding.js';
import { memberRebalanceProtocol, type Assignor, type MemberContext } from '../assignor.js';
import type { Clock } from '../clock.js';
import { encodeAssignment, encodeGroupAssignment, encodeSubscription } from '../codec/index.js';
import { InvalidAssignmentError } from '../invalid-assignment-error.js';
import { distinctMembers, readJoinedMember } from '../joined-members.js';
import { memberSubscription } from '../member-subscription.js';
import { readReceivedAssignment } from '../received-assignment.js';
import type { MemberAssignment } from '../model.js';
import { validateAssignment } from '../validate-assignment.js';
import { checkAssignor } from '../check-assignor.js';
import { assignerSettings } from './assigner-arguments.js';
import type { KafkaJSAssigner, KafkaJSCluster, KafkaJSLogger, KafkaJSPartitionAssigner } from './contract.js';
import { rebalanceTapOf, type CompletedRebalance, type RebalanceTap } from './rebalance-tap.js';
import { loadTopicMetadata } from './topic-metadata.js';

/** An option given as `undefined` takes its default, so `rackId: process.env.RACK` works where the variable may be unset. */
export interface KafkaJSAssignerOptions {
  /** The consumer's rack (KIP-881), sent in its subscription; give it the same value as the consumer's `rackId`. */
  readonly rackId?: string | undefined;
  /**
   * The consumer-protocol version of the subscriptions and assignments this member writes. 3, the default,
   * is what the Java client writes. KafkaJS' own assigners write 0, which carries only topics and user data:
   * no generation (2) and no rack (`rackId` needs 3).
   */
  readonly protocolVersion?: 0 | 1 | 2 | 3 | undefined;
  /**
   * The clock on which the send times of the consumer's JoinGroup and Heartbeat requests are noted, which
   * leases count from. Default: the machine's monotonic clock, as the assignors use; a test that injects
   * a clock into an assignor gives the same one here, to every assigner of the consumer.
   */
  readonly clock?: Clock | undefined;
}

const NO_PARTITIONS: MemberAssignment = { partitions: [], userData: null };

/**
 * Makes any Assignor an entry of KafkaJS' `partitionAssigners`:
 *
 *     kafka.consumer({ groupId, partitionAssigners: [kafkajsAssigner(roundRobinAssignor())] })
 *
 * Nothing else needs wiring. Where KafkaJS falls short, the adapter does what the Java client does:
 * members send real v3 subscriptions (generation, rack, and no owned partitions, as eager Java members,
 * because KafkaJS rebalances eagerly even under a cooperative assignor); the leader
 * assigns the union of every member's topics with fresh metadata for them, not its own topics; every
 * member gets an entry; a member whose subscription cannot be read is logged and gets nothing, and a member
 * that repeats another's member id or group instance id is logged and left out, while the rest of the group
 * is assigned; an invalid result is refused, never sent; each member's assignor sees its new assignment
 * and generation through `onAssignment`, and its accepted heartbeats and its leaving the group through
 * `onHeartbeat` and `onLeave`, with the send times its lease counts from; an assignor that logs gets
 * KafkaJS' logger through `useLogger`, in a namespace named after it; and an assignor that keeps member
 * state serves one consumer only (AssignorInUseError). An argument it cannot use (no Assignor, an unknown
 * option, an option of the wrong type) is refused here, with an InvalidArgumentError.
 */
export function kafkajsAssigner(assignor: Assignor, options: KafkaJSAssignerOptions = {}): KafkaJSPartitionAssigner {
  checkAssignor(assignor, 'kafkajsAssigner');
  const { rackId, protocolVersion, clock } = assignerSettings(options);
  return ({ cluster, groupId, logger }) => {
    if (typeof cluster.findGroupCoordinator !== 'function' || typeof cluster.metadata !== 'function') {
      throw new TypeError('kafkajsAssigner needs the cluster of a KafkaJS 2.x consumer (with metadata and findGroupCoordinator)');
    }
    // The cluster object is the consumer's own: KafkaJS builds one per consumer.
    bindAssignorToConsumer(assignor, cluster);
    assignor.useLogger?.(logger.namespace?.(assignor.name) ?? logger);
    return new KafkaJSAdapter(assignor, cluster, groupId, logger, rackId, protocolVersion, clock);
  };
}

class KafkaJSAdapter implements KafkaJSAssigner {
  readonly name: string;
  private member: MemberContext = { memberId: null, generationId: -1, assignment: [], topics: [] };
  private readonly tap: RebalanceTap;
  private joinsRequested = 0;

  constructor(
    private readonly assignor: Assignor,
    private readonly cluster: KafkaJSCluster,
    private readonly groupId: string,
    private readonly logger: KafkaJSLogger,
    private readonly rackId: string | null,
    /** The consumer-protocol version this adapter writes; KafkaJS only carries it around. */
    readonly version: number,
    clock: Clock,
  ) {
    this.name = assignor.name;
    this.tap = rebalanceTapOf(cluster, clock);
    this.tap.onRebalance((rebalance) => this.completeRebalance(rebalance));
    this.tap.onHeartbeat(({ groupProtocol, ...heartbeat }) => {
      if (groupProtocol === this.name) this.assignor.onHeartbeat?.(heartbeat);
    });
    this.tap.onLeave((groupProtocol) => {
      if (groupProtocol === this.name) this.assignor.onLeave?.();
    });
  }

  protocol({ topics }: { topics: string[] }): { name: string; metadata: Buffer } {
    if (this.joinsRequested > 0 && this.tap.joins === 0 && this.needsMemberState()) {
      throw new Error(
        `kafka-assignors cannot see this consumer's JoinGroup responses, so the ${this.name} assignor would lose its state; ` +
          'is this KafkaJS 2.x, and was the assigner passed in the same consumer\'s partitionAssigners?',
      );
    }
    this.joinsRequested += 1;
    this.member = { ...this.member, topics };
    // KafkaJS rebalances eagerly whatever the assignor supports: before it rejoins it has stopped consuming
    // everything, so it owns nothing. Reporting what it gave up would make a cooperative leader withhold those
    // partitions from their new owners until this member revoked them and rejoined, which KafkaJS never does.
    const subscription = { ...memberSubscription(this.assignor, this.member, this.rackId), ownedPartitions: [] };
    return { name: this.name, metadata: asBuffer(encodeSubscription(subscription, this.version)) };
  }

  async assign({ members }: Parameters<KafkaJSAssigner['assign']>[0]): ReturnType<KafkaJSAssigner['assign']> {
    const readable = distinctMembers(members, this.logger, this.name).flatMap((member) => readJoinedMember(member, member.memberMetadata, this.logger, this.name));
    const subscribedTopics = [...new Set(readable.flatMap((member) => member.subscription.topics))];
    const group = { members: readable, topics: await loadTopicMetadata(this.cluster, subscribedTopics) };

    const assignment = this.assignor.assign(group);
    const violations = validateAssignment(group, assignment);
    if (violations.length > 0) throw new InvalidAssignmentError(this.name, violations);

    const encoded = encodeGroupAssignment(assignment, this.version);
    return [...new Set(members.map(({ memberId }) => memberId))].map((memberId) => ({
      memberId,
      memberAssignment: asBuffer(encoded.get(memberId) ?? encodeAssignment(NO_PARTITIONS, this.version)),
    }));
  }

  private completeRebalance(rebalance: CompletedRebalance): void {
    const { memberId, generationId, sessionTimeoutMs, requestSentAt } = rebalance;
    const assignedByBroker = rebalance.leaderId === '';
    if (assignedByBroker && rebalance.groupProtocol === this.name) this.reportBrokerAssignment(memberId, generationId);
    const received = readReceivedAssignment(rebalance.memberAssignment, rebalance.memberId, this.logger);
    const subscribed = new Set(this.member.topics);
    // KafkaJS drops topics it did not subscribe to from what it consumes, so the member does not hold them.
    const assignment = { ...received, partitions: received.partitions.filter(({ topic }) => subscribed.has(topic)) };
    this.member = { memberId, generationId, assignment: assignment.partitions, topics: this.member.topics };
    if (rebalance.groupProtocol === this.name) {
      this.assignor.onAssignment?.(assignment, { memberId, generationId, sessionTimeoutMs, requestSentAt, ...(assignedByBroker ? { assignedByBroker } : {}) });
    }
  }

  /**
   * A KIP-848 consumer group takes classic members in (group.consumer.migration.policy, default bidirectional)
   * and answers their JoinGroup with no leader: the broker's assignor assigns them, and ours runs nowhere.
   */
  private reportBrokerAssignment(memberId: string, generationId: number): void {
    this.logger.error(
      `Group ${this.groupId} is a consumer-protocol (KIP-848) group: the broker assigned this member's partitions with its own assignor, ` +
        `and the ${this.name} assignor ran nowhere. It assigns again once every member of the group uses the classic protocol: ` +
        'give the other members group.protocol=classic, or set group.consumer.migration.policy=disabled on the brokers to keep classic and consumer-protocol members apart ' +
        '(see "Consumer-protocol (KIP-848) groups and mixed clients" in the kafka-assignors README)',
      { groupId: this.groupId, memberId, generationId, protocol: this.name },
    );
  }

  private needsMemberState(): boolean {
    return (
      this.assignor.subscriptionUserData !== undefined ||
      this.assignor.onAssignment !== undefined ||
      memberRebalanceProtocol(this.assignor) === 'cooperative'
    );
  }
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
