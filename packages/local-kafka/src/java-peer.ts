import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { childExit, describeExit, type ExitStatus } from './child-exit.js';
import { ensureJavaPeerBuild } from './java-peer-build.js';
import { parsePeerEvent, type PeerEvent } from './peer-event.js';
import { QUICK_START_JVM } from './quick-start-jvm.js';
import { requireTools } from './require-tools.js';
import { stopProcess } from './stop-process.js';
import { uniqueName } from './unique-name.js';

export interface JavaPeerOptions {
  /** Bootstrap servers, `host:port[,host:port...]`. */
  readonly brokers: string;
  readonly groupId: string;
  readonly topics: readonly string[];
  /** `partition.assignment.strategy`: assignor class names in order of preference. */
  readonly strategies: readonly string[];
  /** Default: a unique `java-peer-…` id. */
  readonly clientId?: string;
  /** Makes the peer a static member (KIP-345). */
  readonly groupInstanceId?: string;
  readonly sessionTimeoutMs?: number;
}

export interface JavaPeer {
  readonly clientId: string;
  /** Every event so far, oldest first. */
  readonly events: readonly PeerEvent[];
  /**
   * The first event, already seen or still to come, that satisfies `predicate`. Rejects when `timeoutMs` passes
   * or the peer ends first, listing the events seen.
   */
  waitFor<E extends PeerEvent>(predicate: (event: PeerEvent) => event is E, timeoutMs?: number): Promise<E>;
  waitFor(predicate: (event: PeerEvent) => boolean, timeoutMs?: number): Promise<PeerEvent>;
  /** SIGTERM, so the peer closes its consumer and leaves the group; SIGKILL after a grace period. Idempotent. */
  stop(): Promise<ExitStatus>;
}

interface Waiter {
  readonly predicate: (event: PeerEvent) => boolean;
  readonly resolve: (event: PeerEvent) => void;
  readonly reject: (error: Error) => void;
}

const DEFAULT_WAIT_MS = 30_000;
const STOP_GRACE_MS = 15_000;
const STDERR_KEPT_CHARS = 4000;

/** Starts the Java consumer peer (built with Maven on first use), which joins `groupId` right away. */
export async function startJavaPeer(options: JavaPeerOptions): Promise<JavaPeer> {
  const build = await ensureJavaPeerBuild();
  requireTools(['java']);
  const clientId = options.clientId ?? uniqueName('java-peer');
  const args = [
    ['--bootstrap-servers', options.brokers],
    ['--group-id', options.groupId],
    ['--topics', options.topics.join(',')],
    ['--strategies', options.strategies.join(',')],
    ['--client-id', clientId],
    ...(options.groupInstanceId === undefined ? [] : [['--group-instance-id', options.groupInstanceId]]),
    ...(options.sessionTimeoutMs === undefined ? [] : [['--session-timeout-ms', String(options.sessionTimeoutMs)]]),
  ].flat();
  // Own process group: a Ctrl-C reaches only the test runner, which stops the peer. Its standard input stays
  // an open pipe; the peer closes its consumer and exits when that pipe closes, i.e. when this process dies.
  const child = spawn(
    'java',
    [...QUICK_START_JVM, '-Xmx256m', '-cp', build.classpath, 'kafkaassignors.peer.JavaPeer', ...args],
    { stdio: ['pipe', 'pipe', 'pipe'], detached: true },
  );
  const exit = childExit(child);

  const events: PeerEvent[] = [];
  const waiters = new Set<Waiter>();
  let stderr = '';
  let failure: Error | undefined;
  const diagnostics = (): string =>
    `\nevents so far:\n${events.map((event) => JSON.stringify(event)).join('\n') || '(none)'}` +
    (stderr === '' ? '' : `\nstandard error:\n${stderr}`);
  const fail = (error: Error): void => {
    failure ??= error;
    for (const waiter of waiters) waiter.reject(failure);
    waiters.clear();
  };

  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEPT_CHARS);
  });
  createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
    let event: PeerEvent;
    try {
      event = parsePeerEvent(line);
    } catch (error) {
      fail(new Error(`Java peer ${clientId} wrote unexpected output: ${(error as Error).message}${diagnostics()}`));
      return;
    }
    events.push(event);
    for (const waiter of waiters) {
      if (waiter.predicate(event)) {
        waiters.delete(waiter);
        waiter.resolve(event);
      }
    }
  });
  void exit.then((status) => fail(new Error(`Java peer ${clientId} ${describeExit(status)}${diagnostics()}`)));

  const waitFor = (predicate: (event: PeerEvent) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<PeerEvent> => {
    const seen = events.find(predicate);
    if (seen !== undefined) return Promise.resolve(seen);
    if (failure !== undefined) return Promise.reject(failure);
    return new Promise<PeerEvent>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`Java peer ${clientId}: no matching event within ${timeoutMs} ms${diagnostics()}`));
      }, timeoutMs);
      const waiter: Waiter = {
        predicate,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      waiters.add(waiter);
    });
  };

  let stopped: Promise<ExitStatus> | undefined;
  return {
    clientId,
    events,
    waitFor,
    stop: () => (stopped ??= stopProcess(child, exit, STOP_GRACE_MS)),
  };
}
