import type { Clock } from '../clock.js';
import { InconsistentGroupProtocolError, type RefusingGroup } from '../inconsistent-group-protocol-error.js';
import type {
  KafkaJSCluster,
  KafkaJSCoordinator,
  KafkaJSHeartbeatRequest,
  KafkaJSJoinGroupRequest,
  KafkaJSJoinGroupResponse,
  KafkaJSSyncGroupRequest,
} from './contract.js';

/** A rebalance as one member saw it complete: its SyncGroup response and the JoinGroup that led to it. */
export interface CompletedRebalance {
  readonly memberId: string;
  readonly generationId: number;
  readonly groupProtocol: string;
  readonly memberAssignment: Buffer;
  /**
   * The leader the JoinGroup response named; empty when there is none: the group is a KIP-848 consumer group
   * that this member joined with the classic protocol, and the broker's own assignor assigned it.
   */
  readonly leaderId: string;
  /** The session timeout of the JoinGroup request, in milliseconds. */
  readonly sessionTimeoutMs: number;
  /** When the JoinGroup request went out, on the tap's clock. */
  readonly requestSentAt: number;
}

/** A heartbeat the coordinator accepted, in the member's current group protocol. */
export interface AcceptedHeartbeat {
  readonly memberId: string;
  readonly generationId: number;
  readonly groupProtocol: string;
  readonly sessionTimeoutMs: number;
  /** When the Heartbeat request went out, on the tap's clock. */
  readonly requestSentAt: number;
}

/**
 * Watches one KafkaJS consumer's JoinGroup and SyncGroup responses, its accepted heartbeats and its LeaveGroup.
 *
 * KafkaJS gives assigners no Java-style `onAssignment`, and nothing it emits carries the generation id
 * (GROUP_JOIN has the assignment but not the generation). The generation is what makes sticky claims and
 * active-standby claims safe against zombies, so the adapter reads it where KafkaJS itself does: from the
 * group coordinator's responses. The assigner factory receives the consumer's own `cluster`, whose
 * `findGroupCoordinator` hands the consumer group its coordinator broker; the tap wraps that broker.
 *
 * Each request's send time is noted before it goes out: the coordinator counts a member's session from
 * when it handles a request, never before the request was sent, so a lease measured from the send time
 * ends no later than the coordinator's session, however long the answer waits in a socket or a stalled process.
 */
export class RebalanceTap {
  private readonly listeners = new Set<(rebalance: CompletedRebalance) => void>();
  private readonly heartbeatListeners = new Set<(heartbeat: AcceptedHeartbeat) => void>();
  private readonly leaveListeners = new Set<(groupProtocol: string) => void>();
  private readonly tappedBrokers = new WeakMap<object, object>();
  /** What the member's last JoinGroup settled; null before the first. */
  private joined: {
    readonly groupProtocol: string;
    readonly leaderId: string;
    readonly sessionTimeoutMs: number;
    readonly requestSentAt: number;
  } | null = null;
  private joinsObserved = 0;

  constructor(
    cluster: KafkaJSCluster,
    /** The time source of the send times it reports. */
    readonly clock: Clock,
  ) {
    const findGroupCoordinator = cluster.findGroupCoordinator.bind(cluster);
    cluster.findGroupCoordinator = async (group) => this.tap(await findGroupCoordinator(group));
  }

  /** How many JoinGroup responses this consumer has received; 0 after a join means the tap is blind. */
  get joins(): number {
    return this.joinsObserved;
  }

  onRebalance(listener: (rebalance: CompletedRebalance) => void): void {
    this.listeners.add(listener);
  }

  onHeartbeat(listener: (heartbeat: AcceptedHeartbeat) => void): void {
    this.heartbeatListeners.add(listener);
  }

  /** Called with the group protocol of the last join, before the LeaveGroup request goes out. */
  onLeave(listener: (groupProtocol: string) => void): void {
    this.leaveListeners.add(listener);
  }

  private tap(broker: object): object {
    let tapped = this.tappedBrokers.get(broker);
    if (tapped === undefined) {
      tapped = this.wrap(broker as KafkaJSCoordinator);
      this.tappedBrokers.set(broker, tapped);
    }
    return tapped;
  }

  private wrap(coordinator: KafkaJSCoordinator): object {
    const joinGroup = async (request: KafkaJSJoinGroupRequest): Promise<KafkaJSJoinGroupResponse> => {
      const requestSentAt = this.clock.now();
      const response = await coordinator.joinGroup(request).catch(async (error: unknown) => {
        throw isInconsistentGroupProtocol(error) ? await inconsistentGroupProtocolError(coordinator, request, error) : error;
      });
      this.joined = { groupProtocol: response.groupProtocol, leaderId: response.leaderId, sessionTimeoutMs: request.sessionTimeout, requestSentAt };
      this.joinsObserved += 1;
      return response;
    };
    const syncGroup = async (request: KafkaJSSyncGroupRequest): Promise<{ memberAssignment: Buffer }> => {
      const response = await coordinator.syncGroup(request);
      if (this.joined === null) return response;
      const rebalance: CompletedRebalance = {
        memberId: request.memberId,
        generationId: request.generationId,
        memberAssignment: response.memberAssignment,
        ...this.joined,
      };
      for (const listener of this.listeners) listener(rebalance);
      return response;
    };
    const heartbeat = async (request: KafkaJSHeartbeatRequest): Promise<unknown> => {
      const requestSentAt = this.clock.now();
      const response = await coordinator.heartbeat(request);
      if (this.joined === null) return response;
      const accepted: AcceptedHeartbeat = {
        memberId: request.memberId,
        generationId: request.groupGenerationId,
        groupProtocol: this.joined.groupProtocol,
        sessionTimeoutMs: this.joined.sessionTimeoutMs,
        requestSentAt,
      };
      for (const listener of this.heartbeatListeners) listener(accepted);
      return response;
    };
    const leaveGroup = (request: { groupId: string; memberId: string }): Promise<unknown> => {
      const joined = this.joined;
      if (joined !== null) for (const listener of this.leaveListeners) listener(joined.groupProtocol);
      return coordinator.leaveGroup(request);
    };
    return new Proxy(coordinator, {
      get(target, property, receiver) {
        if (property === 'joinGroup') return joinGroup;
        if (property === 'syncGroup') return syncGroup;
        if (property === 'heartbeat') return heartbeat;
        if (property === 'leaveGroup') return leaveGroup;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
  }
}

function isInconsistentGroupProtocol(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'INCONSISTENT_GROUP_PROTOCOL';
}

/** KafkaJS' error names neither side; the coordinator, asked once more, tells what the group runs. */
async function inconsistentGroupProtocolError(
  coordinator: KafkaJSCoordinator,
  request: KafkaJSJoinGroupRequest,
  cause: unknown,
): Promise<InconsistentGroupProtocolError> {
  const { groupId } = request;
  let group: RefusingGroup;
  try {
    const described = (await coordinator.describeGroups({ groupIds: [groupId] })).groups.find((candidate) => candidate.groupId === groupId);
    if (described === undefined) group = { kind: 'unknown', reason: 'the coordinator did not describe it' };
    else if (described.state === 'Dead') group = { kind: 'not-classic' };
    else group = { kind: 'classic', protocolType: described.protocolType, protocol: described.protocol, state: described.state };
  } catch (error) {
    group = { kind: 'unknown', reason: error instanceof Error ? error.message : String(error) };
  }
  return new InconsistentGroupProtocolError(groupId, request.groupProtocols.map(({ name }) => name), group, cause);
}

const taps = new WeakMap<KafkaJSCluster, RebalanceTap>();

/** The tap of this consumer's cluster; every assigner of one consumer shares it, and so its clock. */
export function rebalanceTapOf(cluster: KafkaJSCluster, clock: Clock): RebalanceTap {
  let tap = taps.get(cluster);
  if (tap === undefined) {
    tap = new RebalanceTap(cluster, clock);
    taps.set(cluster, tap);
  }
  if (tap.clock !== clock) throw new TypeError('every kafkajsAssigner of one consumer must be given the same clock');
  return tap;
}
