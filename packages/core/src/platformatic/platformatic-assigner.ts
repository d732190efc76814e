import { bindAssignorToConsumer } from '../assignor-binding.js';
import type { Assignor, AssignorLogger, MemberContext } from '../assignor.js';
import { checkAssignor } from '../check-assignor.js';
import { InvalidAssignmentError } from '../invalid-assignment-error.js';
import { distinctMembers, readJoinedMember } from '../joined-members.js';
import { readReceivedAssignment } from '../received-assignment.js';
import type { GroupAssignment, GroupMember, MemberAssignment, TopicPartitions } from '../model.js';
import { validateAssignment } from '../validate-assignment.js';
import { platformaticAssignerSettings, type PlatformaticAssignerOptions, type PlatformaticAssignerSettings } from './assigner-options.js';
import type {
  PlatformaticClusterMetadata,
  PlatformaticConsumer,
  PlatformaticGroupOptions,
  PlatformaticHeartbeatPayload,
  PlatformaticJoinGroupMember,
  PlatformaticJoinGroupResponse,
  PlatformaticJoinPayload,
  PlatformaticMember,
  PlatformaticMemberAssignment,
  PlatformaticSyncGroupResponse,
  PlatformaticTopicPartitions,
} from './contract.js';
import { tapConsumerOf, untapConsumer, type TappedConsumer } from './consumer-tap.js';
import { topicMetadataOf } from './topic-metadata.js';

const NO_PARTITIONS: MemberAssignment = { partitions: [], userData: null };

const consoleLogger: AssignorLogger = {
  info: (message, extra) => console.info(message, extra ?? ''),
  warn: (message, extra) => console.warn(message, extra ?? ''),
  error: (message, extra) => console.error(message, extra ?? ''),
};

/**
 * Makes any Assignor the assignor of a @platformatic/kafka 2.x consumer: spread what it returns into the
 * consumer's options,
 *
 *     new Consumer({ clientId, bootstrapBrokers, groupId, ...platformaticAssigner(stickyAssignor()) })
 *
 * and nothing else needs wiring. The member offers one protocol, the assignor's name, with the assignor's
 * subscription user data; the leader assigns the union of every member's topics with the metadata the client
 * fetched for them, every member gets an entry, a member whose subscription cannot be read is logged and gets
 * nothing, and an invalid result is refused, never sent; each member's assignor sees its assignment (with its
 * user data) and generation through `onAssignment`, its accepted heartbeats through `onHeartbeat` and its
 * leaving through `onLeave`, with the send times its lease counts from. One call serves one consumer.
 * The README lists what the client cannot carry (racks outside `cooperative-sticky`, one assignment user data
 * for every member, the leader's shortcut when it is alone).
 */
export function platformaticAssigner(assignor: Assignor, options: PlatformaticAssignerOptions = {}): PlatformaticGroupOptions {
  checkAssignor(assignor, 'platformaticAssigner');
  const adapter = new PlatformaticAdapter(assignor, platformaticAssignerSettings(options));
  const protocolsMetadata: PlatformaticGroupOptions['protocolsMetadata'] = (_protocols, topics) => adapter.subscriptionUserData(topics);
  const partitionAssigner: PlatformaticGroupOptions['partitionAssigner'] = (current, members, _topics, metadata) => adapter.assign(current, members, metadata);
  tapConsumerOf(protocolsMetadata, adapter);
  const common = assignor.commonAssignmentUserData;
  return {
    protocols: [{ name: assignor.name, version: adapter.version }],
    protocolsMetadata,
    partitionAssigner,
    ...(common === undefined ? {} : { assignmentUserData: Buffer.from(common) }),
  };
}

/** A JoinGroup exchange that was answered: the members as they were sent, and when the request went out. */
interface Join {
  readonly response: PlatformaticJoinGroupResponse;
  readonly sentAt: number;
}

class PlatformaticAdapter implements TappedConsumer {
  readonly version: number;
  private readonly logger: AssignorLogger;
  private consumer: PlatformaticConsumer | null = null;
  private refusal: Error | null = null;
  private member: MemberContext = { memberId: null, generationId: -1, assignment: [], topics: [] };
  private sessionTimeoutMs = 0;
  private readonly sendTimes = new WeakMap<object, number>();
  private lastJoin: Join | null = null;
  private lastSync: Uint8Array | null = null;
  /** The generation in which this member's `partitionAssigner` ran, as leader. */
  private assignedGeneration = -1;

  constructor(
    private readonly assignor: Assignor,
    private readonly settings: PlatformaticAssignerSettings,
  ) {
    this.version = settings.protocolVersion;
    this.logger = settings.logger ?? consoleLogger;
    if (settings.logger !== null) assignor.useLogger?.(settings.logger);
  }

  joining(consumer: PlatformaticConsumer, sessionTimeoutMs: number): void {
    this.sessionTimeoutMs = sessionTimeoutMs;
    if (this.consumer === consumer) return;
    // Thrown here, the error would escape the client through its diagnostics channel; the join reports it instead.
    if (this.consumer !== null) {
      this.refusal = new Error(
        `the options of platformaticAssigner(${this.assignor.name}) are used by a second consumer; call platformaticAssigner for each consumer, with an assignor of its own`,
      );
      return;
    }
    try {
      bindAssignorToConsumer(this.assignor, consumer);
    } catch (error) {
      this.refusal = error as Error;
      return;
    }
    this.consumer = consumer;
    consumer.on('consumer:group:join', (payload: PlatformaticJoinPayload) => this.completeRebalance(payload));
    consumer.on('consumer:heartbeat:start', (payload: PlatformaticHeartbeatPayload) => this.sendTimes.set(payload, this.settings.clock.now()));
    consumer.on('consumer:heartbeat:end', (payload: PlatformaticHeartbeatPayload) => this.heartbeatAccepted(payload));
    consumer.on('consumer:group:leave', () => this.assignor.onLeave?.());
    consumer.on('client:close', () => untapConsumer(consumer));
  }

  joinSent(request: object): void {
    this.sendTimes.set(request, this.settings.clock.now());
  }

  joined(request: object, response: PlatformaticJoinGroupResponse): void {
    this.lastJoin = { response, sentAt: this.sendTimes.get(request) ?? Number.NEGATIVE_INFINITY };
    this.lastSync = null;
  }

  synced(response: PlatformaticSyncGroupResponse): void {
    this.lastSync = response.assignment;
  }

  /** The `protocolsMetadata` hook: called before each JoinGroup request, with the topics the member subscribes to now. */
  subscriptionUserData(topics: readonly string[]): Buffer {
    if (this.refusal !== null) throw this.refusal;
    if (this.consumer === null && this.needsMemberState()) {
      throw new Error(
        `kafka-assignors cannot see this consumer's group operations, so the ${this.assignor.name} assignor would lose its state; ` +
          "is this @platformatic/kafka 2.x, with platformaticAssigner's options given to the consumer itself?",
      );
    }
    this.member = { ...this.member, topics: [...topics] };
    const userData = this.assignor.subscriptionUserData?.(this.member) ?? null;
    return userData === null ? Buffer.alloc(0) : asBuffer(userData);
  }

  /**
   * The `partitionAssigner` hook: runs on the leader. The client calls it in a network callback, where an
   * exception would escape as an uncaught one and leave the group without an assignment; so anything that
   * stops the assignment (an invalid result, an assignor that throws) is logged, and every member is sent
   * an empty assignment: nothing wrong is ever sent, and the next rebalance tries again.
   */
  assign(leaderId: string, members: Map<string, PlatformaticMember>, metadata: PlatformaticClusterMetadata): PlatformaticMemberAssignment[] {
    // The hook ran for this generation, whatever comes of it: the leader is not alone in its group.
    this.assignedGeneration = this.lastJoin?.response.generationId ?? -1;
    let assignment: GroupAssignment;
    try {
      assignment = this.assignGroup(leaderId, metadata);
    } catch (error) {
      this.logger.error(`The ${this.assignor.name} assignor did not assign this generation, so every member gets an empty assignment: ${(error as Error).message}`, {
        protocol: this.assignor.name,
        error: error instanceof Error ? error.name : String(error),
        ...(error instanceof InvalidAssignmentError ? { violations: error.violations } : {}),
      });
      assignment = new Map();
    }
    return [...members.keys()].map((memberId) => ({ memberId, assignments: clientAssignments(assignment.get(memberId)?.partitions ?? []) }));
  }

  private assignGroup(leaderId: string, metadata: PlatformaticClusterMetadata): GroupAssignment {
    const join = this.lastJoin;
    if (join === null || join.response.memberId !== leaderId) {
      throw new Error(`kafka-assignors did not see the JoinGroup response that made member ${leaderId} the leader, so it has no subscriptions as sent`);
    }
    const readable = distinctMembers(join.response.members, this.logger, this.assignor.name).flatMap((member) => this.readMember(member));
    const group = { members: readable, topics: topicMetadataOf(metadata, new Set(readable.flatMap(({ subscription }) => subscription.topics))) };
    const assignment = this.assignor.assign(group);
    const violations = validateAssignment(group, assignment);
    if (violations.length > 0) throw new InvalidAssignmentError(this.assignor.name, violations);
    this.warnOfUnsentUserData(assignment);
    return assignment;
  }

  private completeRebalance({ memberId, generationId = -1, isLeader = false, assignments = [] }: PlatformaticJoinPayload): void {
    const join = this.lastJoin;
    const sentAt = join?.sentAt ?? Number.NEGATIVE_INFINITY;
    const assignedByBroker = join?.response.leader === '';
    if (assignedByBroker) this.reportBrokerAssignment(memberId, generationId);
    let received = this.readOwnAssignment(memberId, assignments);
    if (isLeader && this.assignedGeneration !== generationId && join !== null) received = this.assignAlone(join, received);
    const subscribed = new Set(this.member.topics);
    const assignment = { ...received, partitions: received.partitions.filter(({ topic }) => subscribed.has(topic)) };
    this.member = { memberId, generationId, assignment: assignment.partitions, topics: this.member.topics };
    this.assignor.onAssignment?.(assignment, {
      memberId,
      generationId,
      sessionTimeoutMs: this.sessionTimeoutMs,
      requestSentAt: sentAt,
      ...(assignedByBroker ? { assignedByBroker } : {}),
    });
  }

  /**
   * The client's leader assigns by itself when it is the group's only member: every partition of its topics,
   * without calling `partitionAssigner`. The member then holds what the client gave it, and learns from its
   * assignor, run here on the group of one, what that assignor would have said to it (the user data).
   */
  private assignAlone(join: Join, received: MemberAssignment): MemberAssignment {
    const members = join.response.members.flatMap((member) => this.readMember(member));
    const topics = new Map(received.partitions.map(({ topic, partitions }) => [topic, { partitionCount: Math.max(...partitions) + 1 }]));
    let own: MemberAssignment;
    try {
      own = this.assignor.assign({ members, topics }).get(join.response.memberId) ?? NO_PARTITIONS;
    } catch (error) {
      this.logger.error(`The ${this.assignor.name} assignor failed on this member alone in its group; the member holds what the client gave it, with no user data`, {
        memberId: join.response.memberId,
        protocol: this.assignor.name,
        error: error instanceof Error ? error.message : String(error),
      });
      return { partitions: received.partitions, userData: null };
    }
    if (partitionKey(own.partitions) !== partitionKey(received.partitions)) {
      this.logger.error(
        `@platformatic/kafka assigned this member, alone in its group, every partition of its topics without asking the ${this.assignor.name} assignor, ` +
          `which gives it ${countPartitions(own.partitions)} of them; the member holds what the client gave it`,
        { memberId: join.response.memberId, protocol: this.assignor.name, clientAssigned: countPartitions(received.partitions), assignorAssigned: countPartitions(own.partitions) },
      );
    }
    return { partitions: received.partitions, userData: own.userData };
  }

  private heartbeatAccepted(payload: PlatformaticHeartbeatPayload): void {
    const requestSentAt = this.sendTimes.get(payload);
    const { memberId, generationId } = payload;
    if (requestSentAt === undefined || typeof memberId !== 'string' || generationId === undefined) return;
    this.assignor.onHeartbeat?.({ memberId, generationId, sessionTimeoutMs: this.sessionTimeoutMs, requestSentAt });
  }

  /** What the SyncGroup response gave this member, user data included; the join event's partitions if it was not seen. */
  private readOwnAssignment(memberId: string, assignments: readonly PlatformaticTopicPartitions[]): MemberAssignment {
    const bytes = this.lastSync;
    if (bytes === null) return { partitions: assignments.map(({ topic, partitions }) => ({ topic, partitions: [...partitions] })), userData: null };
    return readReceivedAssignment(bytes, memberId, this.logger);
  }

  private readMember(member: PlatformaticJoinGroupMember): GroupMember[] {
    return readJoinedMember(member, member.metadata ?? new Uint8Array(), this.logger, this.assignor.name);
  }

  /**
   * The client writes the same assignment user data for every member: the assignor's `commonAssignmentUserData`,
   * else none. What `assign` gave each member is not sent; an assignor without common user data is told so.
   */
  private warnOfUnsentUserData(assignment: GroupAssignment): void {
    if (this.assignor.commonAssignmentUserData !== undefined) return;
    const withUserData = [...assignment.values()].filter(({ userData }) => userData !== null && userData.length > 0).length;
    if (withUserData === 0) return;
    this.logger.warn(
      `The ${this.assignor.name} assignor gave ${withUserData} member(s) assignment user data, which @platformatic/kafka cannot send: it writes the same (none) for every member`,
      { protocol: this.assignor.name, members: assignment.size },
    );
  }

  private reportBrokerAssignment(memberId: string, generationId: number): void {
    this.logger.error(
      `Group ${this.consumer?.groupId ?? ''} is a consumer-protocol (KIP-848) group: the broker assigned this member's partitions with its own assignor, ` +
        `and the ${this.assignor.name} assignor ran nowhere (see "Consumer-protocol (KIP-848) groups and mixed clients" in the kafka-assignors README)`,
      { memberId, generationId, protocol: this.assignor.name },
    );
  }

  private needsMemberState(): boolean {
    return (
      this.assignor.subscriptionUserData !== undefined ||
      this.assignor.onAssignment !== undefined ||
      this.assignor.onHeartbeat !== undefined ||
      this.assignor.onLeave !== undefined
    );
  }
}

function clientAssignments(partitions: readonly TopicPartitions[]): Map<string, PlatformaticTopicPartitions> {
  return new Map(partitions.map(({ topic, partitions: numbers }) => [topic, { topic, partitions: [...numbers] }]));
}

function partitionKey(partitions: readonly TopicPartitions[]): string {
  return partitions
    .flatMap(({ topic, partitions: numbers }) => numbers.map((partition) => `${topic}\u0000${partition}`))
    .sort()
    .join('\u0001');
}

function countPartitions(partitions: readonly TopicPartitions[]): number {
  return partitions.reduce((count, { partitions: numbers }) => count + numbers.length, 0);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
