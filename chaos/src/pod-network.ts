import { checkedMode, type FaultMode } from './fault-proxy-mode.js';
import { startFaultProxy, type FaultProxy, type FaultProxyOptions } from './fault-proxy.js';

/**
 * One pod's way to the cluster: a fault proxy per broker node, all switched together, so the pod can be cut off
 * while other pods, on proxies of their own, stay healthy.
 */
export interface PodNetwork {
  /** In the order of the links given. */
  readonly proxies: readonly FaultProxy[];
  readonly mode: FaultMode;
  /** Client connections open through all the proxies. */
  readonly connections: number;
  apply(mode: FaultMode): void;
  pass(): void;
  cut(): void;
  hold(): void;
  delay(ms: number): void;
  close(): Promise<void>;
}

/**
 * Starts a proxy per link. If any cannot listen, those started are closed again and the first failure is
 * thrown (a `ProxyPortInUseError` for a port in use).
 */
export async function startPodNetwork(links: readonly FaultProxyOptions[]): Promise<PodNetwork> {
  if (links.length === 0) throw new RangeError('a pod network needs at least one link to a broker node');
  const started = await Promise.allSettled(links.map(startFaultProxy));
  const proxies = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure !== undefined) {
    await Promise.all(proxies.map((proxy) => proxy.close()));
    throw failure.reason;
  }

  let mode: FaultMode = 'pass';
  const apply = (next: FaultMode): void => {
    mode = checkedMode(next);
    for (const proxy of proxies) proxy.apply(mode);
  };
  return {
    proxies,
    get mode() {
      return mode;
    },
    get connections() {
      return proxies.reduce((sum, proxy) => sum + proxy.connections, 0);
    },
    apply,
    pass: () => apply('pass'),
    cut: () => apply('cut'),
    hold: () => apply('hold'),
    delay: (ms) => apply({ delay: ms }),
    close: async () => {
      await Promise.all(proxies.map((proxy) => proxy.close()));
    },
  };
}
