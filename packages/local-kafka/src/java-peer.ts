import { spawn } from 'node:child_process';
import { followEventStream, type EventStreamProcess } from './event-stream-process.js';
import { ensureJavaPeerBuild } from './java-peer-build.js';
import { parsePeerEvent, type PeerEvent } from './peer-event.js';
import { QUICK_START_JVM } from './quick-start-jvm.js';
import { requireTools } from './require-tools.js';
import { uniqueName } from './unique-name.js';

interface CommonPeerOptions {
  /** Bootstrap servers, `host:port[,host:port...]`. */
  readonly brokers: string;
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Default: a unique `java-peer-…` id. */
  readonly clientId?: string;
  /** Makes the peer a static member (KIP-345). */
  readonly groupInstanceId?: string;
}

/** A member of the classic group protocol (`group.protocol=classic`), which assigns with the client's assignors. */
export interface ClassicPeerOptions extends CommonPeerOptions {
  readonly groupProtocol?: 'classic';
  /** `partition.assignment.strategy`: assignor class names in order of preference. */
  readonly strategies: readonly string[];
  readonly sessionTimeoutMs?: number;
}

/**
 * A member of the KIP-848 consumer group protocol (`group.protocol=consumer`, Kafka 4.x brokers): the broker
 * assigns its partitions and sets its session, so it takes no strategies and no session timeout.
 */
export interface ConsumerProtocolPeerOptions extends CommonPeerOptions {
  readonly groupProtocol: 'consumer';
  /** `group.remote.assignor`: a server-side assignor (`uniform`, `range`); default the broker's first. */
  readonly remoteAssignor?: string;
}

export type JavaPeerOptions = ClassicPeerOptions | ConsumerProtocolPeerOptions;

/** The peer's events: `ready`, `assigned`/`revoked`/`lost`, `consumed`, `error`, `stopped`. */
export interface JavaPeer extends EventStreamProcess<PeerEvent> {
  readonly clientId: string;
}

const STOP_GRACE_MS = 15_000;

/** Starts the Java consumer peer (built with Maven on first use), which joins `groupId` right away. */
export async function startJavaPeer(options: JavaPeerOptions): Promise<JavaPeer> {
  const build = await ensureJavaPeerBuild();
  requireTools(['java']);
  const clientId = options.clientId ?? uniqueName('java-peer');
  const args = [
    ['--bootstrap-servers', options.brokers],
    ['--group-id', options.groupId],
    ['--topics', options.topics.join(',')],
    ['--client-id', clientId],
    ...(options.groupInstanceId === undefined ? [] : [['--group-instance-id', options.groupInstanceId]]),
    ...protocolArguments(options),
  ].flat();
  // Own process group: a Ctrl-C reaches only the test runner, which stops the peer. Its standard input stays
  // an open pipe; the peer closes its consumer and exits when that pipe closes, i.e. when this process dies.
  const child = spawn(
    'java',
    [...QUICK_START_JVM, '-Xmx256m', '-cp', build.classpath, 'kafkaassignors.peer.JavaPeer', ...args],
    { stdio: ['pipe', 'pipe', 'pipe'], detached: true },
  );
  const stream = followEventStream(child, `Java peer ${clientId}`, parsePeerEvent, STOP_GRACE_MS);
  return { clientId, ...stream };
}

function protocolArguments(options: JavaPeerOptions): string[][] {
  if (options.groupProtocol === 'consumer') {
    return [['--group-protocol', 'consumer'], ...(options.remoteAssignor === undefined ? [] : [['--remote-assignor', options.remoteAssignor]])];
  }
  return [
    ['--group-protocol', 'classic'],
    ['--strategies', options.strategies.join(',')],
    ...(options.sessionTimeoutMs === undefined ? [] : [['--session-timeout-ms', String(options.sessionTimeoutMs)]]),
  ];
}
