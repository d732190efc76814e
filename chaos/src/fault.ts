import type { KafkaCluster } from '@kafka-assignors/local-kafka';
import type { CHAOS_POD_SETTINGS } from './chaos-settings.js';
import type { PodNetwork } from './pod-network.js';
import type { ChaosPod } from './pod/start-chaos-pod.js';

/** What a fault may act on: the run's pods (by slot), their networks, the cluster. */
export interface FaultContext {
  readonly pods: readonly ChaosPod[];
  readonly networks: readonly PodNetwork[];
  readonly cluster: KafkaCluster;
  /** Uniform in [0, 1), from the suite's seed. */
  readonly random: () => number;
  readonly settings: { readonly [setting in keyof typeof CHAOS_POD_SETTINGS]: number };
}

/** One kind of fault: `inject` does it and, where it heals, heals it, then resolves. */
export interface Fault {
  readonly name: string;
  readonly description: string;
  /** Brokers the cluster needs. */
  readonly nodes: number;
  /** Whether the active pod must keep its role throughout (a fault that must change nothing). */
  readonly keepsActive: boolean;
  /** The pods' session timeout, where the fault measures another than CHAOS_POD_SETTINGS'. */
  readonly sessionTimeout?: number;
  inject(context: FaultContext): Promise<void>;
}
