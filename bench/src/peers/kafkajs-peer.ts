import { packageVersion } from '../package-version.js';
import { runWorker } from '../run-worker.js';
import type { PeerStart } from './peer.js';

/** KafkaJS 2.2.4's RoundRobinAssigner, each scenario measured in a child process of its own. */
export function startKafkaJSPeer(): PeerStart {
  return {
    skipped: [],
    peer: {
      implementation: 'kafkajs',
      assignors: ['RoundRobinAssigner'],
      versions: { kafkajs: packageVersion('kafkajs') },
      async measure(target, { assignors, plan, deadlineMs }, onMeasurement) {
        if (assignors.length === 0) return;
        await runWorker('kafkajs-worker', [target.id, target.jsonFile, JSON.stringify(plan)], {
          deadlineMs,
          onMessage: (message) => {
            if (message.kind === 'measurement') onMeasurement(message.measurement);
          },
        });
      },
      close: () => Promise.resolve(),
    },
  };
}
