import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { followEventStream, type EventStreamProcess } from '../event-stream-process.js';
import { ensurePlatformaticNode } from '../platformatic-node.js';
import { FAST_GROUP } from './kafkajs-group-member.js';
import { parsePlatformaticMemberEvent, type PlatformaticMemberEvent, type PlatformaticMemberSettings } from './platformatic-member-event.js';

/** A @platformatic/kafka consumer in a child process, and its events. */
export type PlatformaticMember = EventStreamProcess<PlatformaticMemberEvent> & { readonly clientId: string };

export type PlatformaticMemberOptions = Omit<PlatformaticMemberSettings, 'sessionTimeoutMs' | 'rebalanceTimeoutMs' | 'heartbeatIntervalMs'> &
  Partial<Pick<PlatformaticMemberSettings, 'sessionTimeoutMs' | 'rebalanceTimeoutMs' | 'heartbeatIntervalMs'>>;

const PROCESS_SCRIPT = fileURLToPath(new URL('./platformatic-member-process.ts', import.meta.url));
const REPOSITORY_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const STOP_GRACE_MS = 15_000;

/**
 * Starts a @platformatic/kafka consumer with `options.assignor` through `platformaticAssigner`, in a child
 * process on a Node release the client supports, with the group timings of KafkaJS test members unless given.
 * It joins at once; `ready` follows its first completed join.
 */
export async function startPlatformaticMember(options: PlatformaticMemberOptions): Promise<PlatformaticMember> {
  const node = await ensurePlatformaticNode();
  const settings: PlatformaticMemberSettings = {
    sessionTimeoutMs: FAST_GROUP.sessionTimeout,
    rebalanceTimeoutMs: FAST_GROUP.rebalanceTimeout,
    heartbeatIntervalMs: FAST_GROUP.heartbeatInterval,
    ...options,
  };
  // Own process group, as the Java peer: a Ctrl-C reaches the test runner, which stops the member.
  const child = spawn(node, ['--import', 'tsx', '--conditions=kafka-assignors-source', PROCESS_SCRIPT, JSON.stringify(settings)], {
    cwd: REPOSITORY_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const stream = followEventStream(child, `@platformatic/kafka member ${options.clientId}`, parsePlatformaticMemberEvent, STOP_GRACE_MS);
  return { clientId: options.clientId, ...stream };
}
