import { packageVersion } from '../package-version.js';
import { runWorker } from '../run-worker.js';
import type { PeerStart } from './peer.js';

/** Our assignors from the registry (src/our-assignors.ts), each scenario measured in a child process of its own with benny. */
export async function startOurPeer(): Promise<PeerStart> {
  const [listing] = await runWorker('ours-worker', ['list']);
  if (listing?.kind !== 'assignors') throw new Error('ours-worker list answered nothing');
  const skipped = listing.skipped.map(({ assignor, reason }) => ({ implementation: 'ours' as const, assignor, reason }));
  if (listing.available.length === 0) return { peer: null, skipped };
  return {
    skipped,
    peer: {
      implementation: 'ours',
      assignors: listing.available,
      versions: { node: process.version, benny: packageVersion('benny') },
      async measure(target, { assignors, plan, deadlineMs }, onMeasurement) {
        if (assignors.length === 0) return;
        await runWorker('ours-worker', ['time', target.id, target.jsonFile, JSON.stringify(plan), ...assignors], {
          deadlineMs: deadlineMs * assignors.length,
          onMessage: (message) => {
            if (message.kind === 'measurement') onMeasurement(message.measurement);
          },
        });
      },
      close: () => Promise.resolve(),
    },
  };
}
