import { memberRebalanceProtocol, type Assignor, type MemberContext } from '../assignor.js';
import { ConsumerProtocolError, decodeAssignment, decodeSubscription, encodeAssignment, encodeSubscription } from '../codec/index.js';
import { InvalidArgumentError } from '../invalid-argument-error.js';
import { InvalidAssignmentError } from '../invalid-assignment-error.js';
import { memberSubscription } from '../member-subscription.js';
import type { ClusterMetadata, Group, GroupMember, MemberAssignment, TopicMetadata, TopicPartitions } from '../model.js';
import { validateAssignment } from '../validate-assignment.js';
import { partitionMovement } from './partition-movement.js';
import type { RebalanceRound, RoundMember, SubscriptionDecodeFailure } from './rebalance-round.js';

export const DEFAULT_MAX_SETTLE_ROUNDS = 10;

export interface GroupSimulatorOptions {
  /** One assignor per member, as each consumer process creates its own; the name allows per-member settings. */
  readonly createAssignor: (memberName: string) => Assignor;
  /** The topics that exist at the start, each once. */
  readonly topics?: Iterable<readonly [string, TopicMetadata]>;
  /** Validate each result with `requireAllPartitions` (not for cooperative assignors, which withhold). */
  readonly requireAllPartitions?: boolean;
  /**
   * Make the leader refuse a result with violations, as the KafkaJS adapter does: `rebalance()` throws an
   * `InvalidAssignmentError` and nobody receives anything. Otherwise violations are only recorded.
   */
  readonly throwOnViolation?: boolean;
  /** Replaces the subscription bytes a member sends, to feed the leader bytes it cannot read. */
  readonly tamperSubscription?: (memberName: string, bytes: Uint8Array) => Uint8Array;
  /** The most rounds `settle()` runs before it gives up. */
  readonly maxSettleRounds?: number;
}

export interface JoinOptions {
  readonly topics: readonly string[];
  readonly rackId?: string | null;
  readonly groupInstanceId?: string | null;
}

/** A consumer process: its assignor instance and what it remembers of its last rebalance. */
interface SimulatedMember {
  readonly name: string;
  readonly assignor: Assignor;
  readonly rackId: string | null;
  readonly groupInstanceId: string | null;
  /** The id the broker gave it when it last joined. */
  readonly memberId: string;
  context: MemberContext;
}

const NO_ASSIGNMENT: MemberAssignment = { partitions: [], userData: null };

/** Whether a member that owned `owned` has to revoke some of it to keep only `assigned`. */
function losesPartitions(owned: readonly TopicPartitions[], assigned: readonly TopicPartitions[]): boolean {
  const assignedByTopic = new Map<string, Set<number>>();
  for (const { topic, partitions } of assigned) {
    const set = assignedByTopic.get(topic) ?? new Set<number>();
    for (const partition of partitions) set.add(partition);
    assignedByTopic.set(topic, set);
  }
  return owned.some(({ topic, partitions }) => partitions.some((partition) => assignedByTopic.get(topic)?.has(partition) !== true));
}

/**
 * A classic consumer group in memory, rebalanced the way live members and the broker do it: each member
 * sends its subscription bytes through the consumer-protocol codec, the leader (the longest-standing
 * member) decodes them and runs its own assignor, and each member decodes its assignment, updates what it
 * remembers and calls `onAssignment`. Member ids come from a counter and nothing is random, so the same
 * calls give the same rounds.
 */
export class GroupSimulator {
  private readonly options: GroupSimulatorOptions;
  private readonly topicMetadata = new Map<string, TopicMetadata>();
  /** In join order, so the first one leads. */
  private members: SimulatedMember[] = [];
  /** Members the broker expired while their processes kept running, by name. */
  private readonly expired = new Map<string, SimulatedMember>();
  private joins = 0;
  private generation = 0;
  private pendingRebalance = false;
  private previousRound: readonly RoundMember[] = [];

  constructor(options: GroupSimulatorOptions) {
    this.options = options;
    for (const [topic, metadata] of options.topics ?? []) {
      if (this.topicMetadata.has(topic)) throw new InvalidArgumentError('GroupSimulator', 'options.topics', `lists the topic ${JSON.stringify(topic)} twice`);
      this.topicMetadata.set(topic, metadata);
    }
  }

  get generationId(): number {
    return this.generation;
  }

  get topics(): ClusterMetadata {
    return this.topicMetadata;
  }

  /** Current members in join order. */
  get memberNames(): readonly string[] {
    return this.members.map((member) => member.name);
  }

  /** Expired members whose processes still run and may rejoin. */
  get zombieNames(): readonly string[] {
    return [...this.expired.keys()];
  }

  /** Joins made so far: also the number of member ids handed out. */
  get joinCount(): number {
    return this.joins;
  }

  /** Whether a change or a member's request calls for another round. */
  get rebalanceNeeded(): boolean {
    return this.pendingRebalance;
  }

  /** What the member remembers of its last rebalance and subscribes to now. */
  context(name: string): MemberContext {
    const member = this.members.find((candidate) => candidate.name === name) ?? this.expired.get(name);
    if (member === undefined) throw new Error(`no member or zombie is named ${name}`);
    return member.context;
  }

  /** A new consumer process joins; returns the member id the broker gives it. */
  join(name: string, options: JoinOptions): string {
    if (this.members.some((member) => member.name === name) || this.expired.has(name)) throw new Error(`a member named ${name} is already running`);
    return this.admit({
      name,
      assignor: this.options.createAssignor(name),
      rackId: options.rackId ?? null,
      groupInstanceId: options.groupInstanceId ?? null,
      context: { memberId: null, generationId: -1, assignment: [], topics: options.topics },
    });
  }

  /** The member sends LeaveGroup and stops. */
  leave(name: string): void {
    this.remove(name);
  }

  /**
   * The process dies without leaving. The broker drops it once its session times out; in a simulator
   * without clocks that is simply before the next round, so only the name of the event differs from `leave`.
   */
  crash(name: string): void {
    this.remove(name);
  }

  /** The broker expires the member (its session timed out) while the process keeps running with what it remembers. */
  expire(name: string): void {
    this.expired.set(name, this.remove(name));
  }

  /**
   * An expired member joins again: a new member id, but the context of its last rebalance, so it claims
   * partitions that others may hold by now, with a generation that is no longer current.
   */
  rejoinZombie(name: string): string {
    const zombie = this.expired.get(name);
    if (zombie === undefined) throw new Error(`no expired member is named ${name}`);
    this.expired.delete(name);
    return this.admit(zombie);
  }

  /**
   * The member subscribes to other topics. A cooperative member first gives up what it owns of topics it
   * dropped, as the Java client does before it rejoins; an eager member gives up everything anyway.
   */
  changeSubscription(name: string, topics: readonly string[]): void {
    const member = this.member(name);
    const assignment =
      memberRebalanceProtocol(member.assignor) === 'cooperative'
        ? member.context.assignment.filter(({ topic }) => topics.includes(topic))
        : member.context.assignment;
    member.context = { ...member.context, topics, assignment };
    this.pendingRebalance = true;
  }

  /** Creates a topic or changes its metadata; Kafka never takes partitions away. */
  setTopic(topic: string, metadata: TopicMetadata): void {
    const current = this.topicMetadata.get(topic);
    if (current !== undefined && metadata.partitionCount < current.partitionCount) {
      throw new Error(`${topic} cannot shrink from ${current.partitionCount} to ${metadata.partitionCount} partitions`);
    }
    this.topicMetadata.set(topic, metadata);
    this.noteMetadataChange(topic);
  }

  /**
   * Adds `count` partitions to a topic, creating it when it does not exist. `replicaRacks` are the new
   * partitions' replicas' racks; without them, or for older partitions nobody gave racks, none are known.
   */
  addPartitions(topic: string, count: number, replicaRacks: readonly (readonly string[])[] | null = null): void {
    const current = this.topicMetadata.get(topic);
    const before = current?.partitionCount ?? 0;
    const partitionCount = before + count;
    if (current?.replicaRacks === undefined && replicaRacks === null) {
      this.setTopic(topic, { partitionCount });
      return;
    }
    const noRacks = (partitions: number) => Array.from({ length: partitions }, (): readonly string[] => []);
    this.setTopic(topic, { partitionCount, replicaRacks: [...(current?.replicaRacks ?? noRacks(before)), ...(replicaRacks ?? noRacks(count))] });
  }

  deleteTopic(topic: string): void {
    if (this.topicMetadata.delete(topic)) this.noteMetadataChange(topic);
  }

  /** One JoinGroup/SyncGroup round with the current members and metadata; the generation goes up by one. */
  rebalance(): RebalanceRound {
    this.generation += 1;
    const leader = this.members[0];
    const { members, decodeFailures } = this.readSubscriptions();
    const group: Group = { members, topics: new Map(this.topicMetadata) };
    const result = leader?.assignor.assign(group) ?? new Map<string, MemberAssignment>();
    const violations = validateAssignment(group, result, { requireAllPartitions: this.options.requireAllPartitions ?? false });
    if (leader !== undefined && violations.length > 0 && this.options.throwOnViolation === true) {
      throw new InvalidAssignmentError(leader.assignor.name, violations);
    }
    // Like the leader in the real adapter, members whose subscription could not be read get an empty assignment.
    const unreadable = new Set(decodeFailures.map((failure) => failure.memberId));
    const roundMembers = this.members.map((member) =>
      this.deliver(member, unreadable.has(member.memberId) ? NO_ASSIGNMENT : (result.get(member.memberId) ?? NO_ASSIGNMENT)),
    );

    const round: RebalanceRound = {
      generationId: this.generation,
      leader: leader?.memberId ?? null,
      members: roundMembers,
      movement: partitionMovement(this.previousRound, roundMembers),
      idleMembers: roundMembers.filter((member) => member.partitions.length === 0).map((member) => member.memberId),
      decodeFailures,
      violations,
    };
    this.previousRound = roundMembers;
    this.pendingRebalance = roundMembers.some((member) => member.requestsRejoin);
    return round;
  }

  /** Rounds until no change is pending and no member asks for another; throws when that takes too many. */
  settle(): RebalanceRound[] {
    const maxRounds = this.options.maxSettleRounds ?? DEFAULT_MAX_SETTLE_ROUNDS;
    const rounds: RebalanceRound[] = [];
    while (this.pendingRebalance) {
      if (rounds.length === maxRounds) throw new Error(`the group did not settle within ${maxRounds} rounds (generation ${this.generation})`);
      rounds.push(this.rebalance());
    }
    return rounds;
  }

  /** Each member's subscription bytes as the leader reads them. */
  private readSubscriptions(): { members: GroupMember[]; decodeFailures: SubscriptionDecodeFailure[] } {
    const members: GroupMember[] = [];
    const decodeFailures: SubscriptionDecodeFailure[] = [];
    for (const member of this.members) {
      const bytes = encodeSubscription(memberSubscription(member.assignor, member.context, member.rackId));
      try {
        const subscription = decodeSubscription(this.options.tamperSubscription?.(member.name, bytes) ?? bytes);
        members.push({ memberId: member.memberId, groupInstanceId: member.groupInstanceId, subscription });
      } catch (error) {
        if (!(error instanceof ConsumerProtocolError)) throw error;
        decodeFailures.push({ name: member.name, memberId: member.memberId, error });
      }
    }
    return { members, decodeFailures };
  }

  /** The member reads its assignment from the SyncGroup bytes, remembers it and tells its assignor. */
  private deliver(member: SimulatedMember, sent: MemberAssignment): RoundMember {
    const { partitions, userData } = decodeAssignment(encodeAssignment(sent));
    const requestsRejoin = memberRebalanceProtocol(member.assignor) === 'cooperative' && losesPartitions(member.context.assignment, partitions);
    const metadata = { memberId: member.memberId, generationId: this.generation };
    member.context = { ...metadata, assignment: partitions, topics: member.context.topics };
    member.assignor.onAssignment?.({ partitions, userData }, metadata);
    return { name: member.name, memberId: member.memberId, partitions, requestsRejoin };
  }

  private member(name: string): SimulatedMember {
    const member = this.members.find((candidate) => candidate.name === name);
    if (member === undefined) throw new Error(`no member is named ${name}`);
    return member;
  }

  /** The broker admits a joining process under a new member id, if it speaks the group's protocol. */
  private admit(process: Omit<SimulatedMember, 'memberId'>): string {
    const protocol = this.members[0]?.assignor.name;
    if (protocol !== undefined && process.assignor.name !== protocol) {
      throw new Error(`${process.name} uses assignor ${process.assignor.name}, but the group runs ${protocol} (INCONSISTENT_GROUP_PROTOCOL)`);
    }
    this.joins += 1;
    const memberId = `${process.name}-${this.joins}`;
    this.members.push({ ...process, memberId });
    this.pendingRebalance = true;
    return memberId;
  }

  private remove(name: string): SimulatedMember {
    const member = this.member(name);
    this.members = this.members.filter((candidate) => candidate !== member);
    this.pendingRebalance = true;
    return member;
  }

  /** The leader watches the metadata of every topic some member subscribes to. */
  private noteMetadataChange(topic: string): void {
    if (this.members.some((member) => member.context.topics.includes(topic))) this.pendingRebalance = true;
  }
}
