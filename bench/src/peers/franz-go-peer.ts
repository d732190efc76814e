import { withDeadline } from '../deadline-error.js';
import { findOnPath } from '@kafka-assignors/local-kafka';
import { failedMeasurement, type Measurement } from '../measurement.js';
import { ensureFranzGoBuild } from './franz-go-build.js';
import { startFranzGoProcess, type FranzGoProcess } from './franz-go-process.js';
import type { PeerStart } from './peer.js';
import { peerMeasurement } from './peer-measurement.js';

const BALANCERS = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'];

/**
 * franz-go's balancers, in one process of the Go program in bench/peers/franz-go, which reads the scenario files
 * and times the balance step alone. A request past its deadline ends that process, and the next request starts
 * another. Skipped without `go` on the PATH, or when the program cannot be built or started.
 */
export async function startFranzGoPeer(): Promise<PeerStart> {
  if (findOnPath('go') === undefined) {
    return { peer: null, skipped: [{ implementation: 'franz-go', reason: '`go` not found on the PATH; the franz-go peer needs Go (the version in bench/peers/franz-go/go.mod or later)' }] };
  }
  let binary: string;
  let program: FranzGoProcess | null;
  try {
    binary = await ensureFranzGoBuild();
    program = await startFranzGoProcess(binary);
  } catch (error) {
    return { peer: null, skipped: [{ implementation: 'franz-go', reason: String(error) }] };
  }
  const { versions } = program;
  return {
    skipped: [],
    peer: {
      implementation: 'franz-go',
      assignors: BALANCERS,
      versions: { 'franz-go': versions.franzGo, go: versions.go },
      async measure(target, { assignors, plan, deadlineMs }, onMeasurement) {
        for (const balancer of assignors) {
          let measurement: Measurement;
          try {
            program ??= await startFranzGoProcess(binary);
            const running = program;
            const answer = await withDeadline(running.balance(target.jsonFile, balancer, plan), deadlineMs, async () => {
              program = null;
              await running.kill();
            });
            if (answer.error !== undefined) throw new Error(answer.error);
            if (answer.samplesNs === undefined || answer.result === undefined) throw new Error(`the franz-go peer answered ${JSON.stringify(answer).slice(0, 200)}`);
            measurement = peerMeasurement(target, 'franz-go', balancer, answer.samplesNs, answer.result);
          } catch (error) {
            measurement = failedMeasurement(target.id, 'franz-go', balancer, error);
          }
          onMeasurement(measurement);
        }
      },
      close: async () => {
        await program?.close();
      },
    },
  };
}
