import { javaReferenceUnavailable, startJavaTiming, type JavaAssignorName, type JavaTimingSession } from '@kafka-assignors/java-reference';
import { withDeadline } from '../deadline-error.js';
import { failedMeasurement, type Measurement } from '../measurement.js';
import type { PeerStart } from './peer.js';
import { peerMeasurement } from './peer-measurement.js';

const JAVA_ASSIGNORS: readonly JavaAssignorName[] = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'];

/**
 * The Java client's assignors (kafka-clients 3.9.1) in one JVM of the java-reference harness, in its timing mode:
 * each reads the scenario's compact form and times `assign` alone. A request past its deadline ends that JVM, and
 * the next request starts another. Skipped without a JDK (or Maven, before the harness's first build), or when
 * the harness cannot be built.
 */
export async function startJavaPeer(): Promise<PeerStart> {
  const unavailable = await javaReferenceUnavailable();
  if (unavailable !== null) return { peer: null, skipped: [{ implementation: 'java', reason: unavailable }] };
  let session: JavaTimingSession | null;
  try {
    session = await startJavaTiming();
  } catch (error) {
    return { peer: null, skipped: [{ implementation: 'java', reason: String(error) }] };
  }
  const { versions } = session;
  return {
    skipped: [],
    peer: {
      implementation: 'java',
      assignors: JAVA_ASSIGNORS,
      versions: { 'kafka-clients': versions.kafkaClients, java: versions.java },
      async measure(target, { assignors, plan, deadlineMs }, onMeasurement) {
        for (const assignor of JAVA_ASSIGNORS.filter((name) => assignors.includes(name))) {
          let measurement: Measurement;
          try {
            session ??= await startJavaTiming();
            const running = session;
            const [timing] = await withDeadline(running.time({ compactScenarioFile: target.compactFile, assignors: [assignor], plan }), deadlineMs, async () => {
              session = null;
              await running.kill();
            });
            if (timing === undefined) throw new Error('the Java timing harness answered nothing');
            if ('error' in timing) throw new Error(timing.error);
            measurement = peerMeasurement(target, 'java', assignor, timing.samplesNs, timing.assignment);
          } catch (error) {
            measurement = failedMeasurement(target.id, 'java', assignor, error);
          }
          onMeasurement(measurement);
        }
      },
      close: async () => {
        await session?.close();
      },
    },
  };
}
