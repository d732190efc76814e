import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBrokerBuild } from './broker-build.js';
import { childExit, describeExit } from './child-exit.js';
import { newClusterId } from './cluster-id.js';
import { freePorts } from './free-port.js';
import { logTail } from './log-tail.js';
import type { MavenBuild } from './maven-build.js';
import { javaProjectDir } from './paths.js';
import { QUICK_START_JVM } from './quick-start-jvm.js';
import { requireTools } from './require-tools.js';
import { renderServerProperties } from './server-properties.js';
import { stopProcess } from './stop-process.js';
import { waitForKafka } from './wait-for-kafka.js';

export interface StartKafkaOptions {
  /** How long the broker may take to answer client requests; default 90 s (a cold JVM on a busy 2-core VM). */
  readonly timeoutMs?: number;
  /** Extra or overriding `server.properties` entries, e.g. `{ 'group.max.size': 3 }`. */
  readonly serverProperties?: Readonly<Record<string, string | number | boolean>>;
}

export interface RunningKafka {
  /** Bootstrap servers as `host:port[,host:port...]`. */
  readonly brokers: string;
  /** The broker's log (absent for an external cluster). It is kept after stop(). */
  readonly logFile?: string;
  /** Stops the broker (SIGTERM, then SIGKILL after a grace period) and removes its data. Idempotent. */
  stop(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 15_000;
const LOG_TAIL_LINES = 60;
const PORT_ATTEMPTS = 3;

/**
 * Starts a single-node Kafka (combined KRaft broker and controller) on free 127.0.0.1 ports, in a fresh temporary
 * folder, and resolves once it answers client requests. The broker also shuts down if this process dies.
 */
export async function startKafka(options: StartKafkaOptions = {}): Promise<RunningKafka> {
  const build = await ensureBrokerBuild();
  requireTools(['java']);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await launch(build, options);
    } catch (error) {
      // A port picked as free can be taken by another process before the broker binds it; new ports fix that.
      if (!(error instanceof PortTakenError) || attempt === PORT_ATTEMPTS) throw error;
    }
  }
}

class PortTakenError extends Error {}

async function launch(build: MavenBuild, options: StartKafkaOptions): Promise<RunningKafka> {
  const runDir = await mkdtemp(join(tmpdir(), 'local-kafka-'));
  const dataDir = join(runDir, 'data');
  const logFile = join(runDir, 'broker.log');
  const configFile = join(runDir, 'server.properties');
  const [brokerPort, controllerPort] = (await freePorts(2)) as [number, number];
  await writeFile(
    configFile,
    renderServerProperties({
      brokerPort,
      controllerPort,
      dataDir,
      ...(options.serverProperties ? { overrides: options.serverProperties } : {}),
    }),
  );
  const brokers = `127.0.0.1:${String(brokerPort)}`;
  const logging = `-Dlog4j.configuration=${pathToFileURL(join(javaProjectDir('broker'), 'log4j.properties')).href}`;
  const failure = async (reason: string, cause?: unknown): Promise<Error> => {
    await rm(dataDir, { recursive: true, force: true });
    const message = `Kafka did not start: ${reason}\nLast lines of ${logFile}:\n${await logTail(logFile, LOG_TAIL_LINES)}`;
    const portTaken = (await readFile(logFile, 'utf8').catch(() => '')).includes('Address already in use');
    return portTaken ? new PortTakenError(message, { cause }) : new Error(message, { cause });
  };

  const formatted = await childExit(
    await spawnJava(
      [...QUICK_START_JVM, '-Xmx256m', logging, '-cp', build.classpath, 'kafka.tools.StorageTool', 'format', '-t', newClusterId(), '-c', configFile],
      logFile,
      'ignore',
    ),
  );
  if (formatted.code !== 0) throw await failure(`formatting the storage ${describeExit(formatted)}`);

  const child = await spawnJava(
    [...QUICK_START_JVM, '-Xms256m', '-Xmx512m', '-Djava.awt.headless=true', logging, '-cp', build.classpath, 'kafkaassignors.broker.ParentBoundKafka', configFile],
    logFile,
    'pipe',
  );
  const exit = childExit(child);
  const exited = new AbortController();
  void exit.then((status) => exited.abort(new Error(`the broker process ${describeExit(status)}`)));
  try {
    await waitForKafka([brokers], { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal: exited.signal });
  } catch (error) {
    await stopProcess(child, exit, STOP_GRACE_MS);
    throw await failure((error as Error).message, error);
  }

  let stopped: Promise<void> | undefined;
  return {
    brokers,
    logFile,
    stop: () =>
      (stopped ??= (async () => {
        await stopProcess(child, exit, STOP_GRACE_MS);
        await rm(dataDir, { recursive: true, force: true });
      })()),
  };
}

/**
 * Runs java with its output appended to the log file (the child keeps its own copy of the descriptor), in its own
 * process group, so a Ctrl-C meant for us reaches only us and we stop it in order. With `stdin: 'pipe'`, its
 * standard input stays open as long as we live; the broker launcher shuts down when it closes.
 */
async function spawnJava(args: readonly string[], logFile: string, stdin: 'ignore' | 'pipe'): Promise<ChildProcess> {
  const log = await open(logFile, 'a');
  try {
    return spawn('java', args, { stdio: [stdin, log.fd, log.fd], detached: true });
  } finally {
    await log.close();
  }
}
