import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Role } from '@kafka-assignors/assignor-active-standby';
import { ensurePlatformaticNode, followEventStream, type EventStreamProcess } from '@kafka-assignors/local-kafka';
import type { PodEvent } from './pod-event.js';
import type { PodSettings } from './pod-settings.js';

export interface Pod extends EventStreamProcess<PodEvent> {
  readonly name: string;
  readonly pid: number;
  /** Sends a signal: SIGKILL to crash the pod, SIGSTOP and SIGCONT to freeze and thaw it. */
  signal(signal: NodeJS.Signals): void;
  /** Its role as its last role event said; standby before the first. */
  role(): Role;
  /** The keys of every message it has processed, in order. */
  processedKeys(): string[];
  /** `killed` or `stopped` once the process has ended by a signal or on its own, `null` while it runs. */
  exitedBy(): 'killed' | 'stopped' | null;
}

const POD_SCRIPTS = { kafkajs: fileURLToPath(new URL('pod.ts', import.meta.url)), platformatic: fileURLToPath(new URL('platformatic-pod.ts', import.meta.url)) };
const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));
const STOP_GRACE_MS = 15_000;

/**
 * Starts a pod process, which joins the group right away; TypeScript sources run through tsx. A
 * @platformatic/kafka pod runs on Node 22, installed on first use (see local-kafka).
 */
export async function startPod(settings: PodSettings): Promise<Pod> {
  const node = settings.client === 'platformatic' ? await ensurePlatformaticNode() : process.execPath;
  const child = spawn(node, ['--conditions=kafka-assignors-source', '--import', 'tsx', POD_SCRIPTS[settings.client], JSON.stringify(settings)], {
    cwd: REPOSITORY,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stream = followEventStream(child, `pod ${settings.name}`, parsePodEvent, STOP_GRACE_MS);
  let exitedBy: 'killed' | 'stopped' | null = null;
  void stream.exit.then(({ signal }) => (exitedBy = signal === 'SIGKILL' ? 'killed' : 'stopped'));
  return {
    ...stream,
    name: settings.name,
    pid: child.pid ?? -1,
    signal: (signal) => child.kill(signal),
    role: () => stream.events.reduce<Role>((role, event) => (event.event === 'role' ? event.role : role), 'standby'),
    processedKeys: () => stream.events.flatMap((event) => (event.event === 'processed' ? event.keys : [])),
    exitedBy: () => exitedBy,
  };
}

function parsePodEvent(line: string): PodEvent {
  const event = JSON.parse(line) as PodEvent;
  if (typeof event !== 'object' || typeof event.event !== 'string') throw new Error(`not a pod event: ${line}`);
  return event;
}
