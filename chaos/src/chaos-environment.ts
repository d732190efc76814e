import { startKafkaCluster, type KafkaCluster } from '@kafka-assignors/local-kafka';
import { POD_LISTENERS } from './chaos-settings.js';
import { startFencingSink, type FencingSink } from './fencing-sink.js';
import { startPodNetwork, type PodNetwork } from './pod-network.js';

/** A cluster whose pod listeners each sit behind that pod slot's own proxies, and the fencing sink. */
export interface ChaosEnvironment {
  readonly cluster: KafkaCluster;
  /** By pod slot, in the order of POD_LISTENERS. */
  readonly networks: readonly PodNetwork[];
  readonly sink: FencingSink;
  close(): Promise<void>;
}

export async function startChaosEnvironment(nodes: number): Promise<ChaosEnvironment> {
  const cluster = await startKafkaCluster({ nodes, proxiedListeners: [...POD_LISTENERS] });
  try {
    const networks = await Promise.all(
      POD_LISTENERS.map((listener) =>
        startPodNetwork(
          cluster.nodes.map((node) => {
            const { port, advertisedPort } = node.listeners[listener] ?? missingListener(listener);
            return { listenPort: advertisedPort, targetPort: port };
          }),
        ),
      ),
    );
    const sink = await startFencingSink();
    return {
      cluster,
      networks,
      sink,
      close: async () => {
        await Promise.all(networks.map((network) => network.close()));
        await sink.close();
        await cluster.stop();
      },
    };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

function missingListener(listener: string): never {
  throw new Error(`the cluster has no listener ${listener}`);
}
