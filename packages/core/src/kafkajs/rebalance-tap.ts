import type {
  KafkaJSCluster,
  KafkaJSCoordinator,
  KafkaJSJoinGroupResponse,
  KafkaJSSyncGroupRequest,
} from './contract.js';

/** A rebalance as one member saw it complete: its SyncGroup response and the JoinGroup that led to it. */
export interface CompletedRebalance {
  readonly memberId: string;
  readonly generationId: number;
  readonly groupProtocol: string;
  readonly memberAssignment: Buffer;
}

/**
 * Watches one KafkaJS consumer's JoinGroup and SyncGroup responses.
 *
 * KafkaJS gives assigners no Java-style `onAssignment`, and nothing it emits carries the generation id
 * (GROUP_JOIN has the assignment but not the generation). The generation is what makes sticky claims and
 * active-standby claims safe against zombies, so the adapter reads it where KafkaJS itself does: from the
 * group coordinator's responses. The assigner factory receives the consumer's own `cluster`, whose
 * `findGroupCoordinator` hands the consumer group its coordinator broker; the tap wraps that broker.
 */
export class RebalanceTap {
  private readonly listeners = new Set<(rebalance: CompletedRebalance) => void>();
  private readonly tappedBrokers = new WeakMap<object, object>();
  private lastJoin: KafkaJSJoinGroupResponse | null = null;
  private joinsObserved = 0;

  constructor(cluster: KafkaJSCluster) {
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

  private tap(broker: object): object {
    let tapped = this.tappedBrokers.get(broker);
    if (tapped === undefined) {
      tapped = this.wrap(broker as KafkaJSCoordinator);
      this.tappedBrokers.set(broker, tapped);
    }
    return tapped;
  }

  private wrap(coordinator: KafkaJSCoordinator): object {
    const joinGroup = async (request: object): Promise<KafkaJSJoinGroupResponse> => {
      const response = await coordinator.joinGroup(request);
      this.lastJoin = response;
      this.joinsObserved += 1;
      return response;
    };
    const syncGroup = async (request: KafkaJSSyncGroupRequest): Promise<{ memberAssignment: Buffer }> => {
      const response = await coordinator.syncGroup(request);
      const rebalance: CompletedRebalance = {
        memberId: request.memberId,
        generationId: request.generationId,
        groupProtocol: this.lastJoin?.groupProtocol ?? '',
        memberAssignment: response.memberAssignment,
      };
      for (const listener of this.listeners) listener(rebalance);
      return response;
    };
    return new Proxy(coordinator, {
      get(target, property, receiver) {
        if (property === 'joinGroup') return joinGroup;
        if (property === 'syncGroup') return syncGroup;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
  }
}

const taps = new WeakMap<KafkaJSCluster, RebalanceTap>();

/** The tap of this consumer's cluster; every assigner of one consumer shares it. */
export function rebalanceTapOf(cluster: KafkaJSCluster): RebalanceTap {
  let tap = taps.get(cluster);
  if (tap === undefined) {
    tap = new RebalanceTap(cluster);
    taps.set(cluster, tap);
  }
  return tap;
}
