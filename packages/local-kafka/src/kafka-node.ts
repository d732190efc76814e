import { spawn, type ChildProcess } from 'node:child_process';
import { open, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { childExit, describeExit, type ExitStatus } from './child-exit.js';
import type { BrokerBuild } from './broker-build.js';
import { QUICK_START_JVM } from './quick-start-jvm.js';
import { scramFormatArguments } from './secured/secured-listeners.js';
import { renderServerProperties, type BrokerSettings } from './server-properties.js';
import { stopProcess } from './stop-process.js';

const STOP_GRACE_MS = 15_000;

/**
 * One Kafka node's JVM, in its own folder of a run directory: its `server.properties`, `broker.log` and
 * `data/`. The storage is formatted once; a restart starts the JVM again on the same data and ports.
 */
export class KafkaNodeProcess {
  readonly logFile: string;
  readonly dataDir: string;
  private readonly configFile: string;
  private child: ChildProcess | null = null;
  private exit: Promise<ExitStatus> | null = null;

  constructor(
    private readonly build: BrokerBuild,
    runDir: string,
    private readonly settings: Omit<BrokerSettings, 'dataDir' | 'line'>,
  ) {
    this.logFile = join(runDir, 'broker.log');
    this.dataDir = join(runDir, 'data');
    this.configFile = join(runDir, 'server.properties');
  }

  /** Writes the configuration and formats the storage with the cluster's id (and the SCRAM users of a secured node). */
  async format(clusterId: string): Promise<void> {
    const scram = this.settings.secured === undefined ? [] : scramFormatArguments(this.settings.secured.users);
    await writeFile(this.configFile, renderServerProperties({ ...this.settings, dataDir: this.dataDir, line: this.build.release.line }));
    const formatted = await childExit(
      await this.spawnJava([...QUICK_START_JVM, '-Xmx256m', this.build.loggingOption, '-cp', this.build.classpath, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', this.configFile, ...scram], 'ignore'),
    );
    if (formatted.code !== 0) throw new Error(`formatting the storage ${describeExit(formatted)}`);
  }

  /** Starts the JVM; `exited` is aborted if it ends before `stop()` or `kill()` is asked for. */
  async start(exited: AbortController): Promise<void> {
    const child = await this.spawnJava(
      [...QUICK_START_JVM, '-Xms256m', '-Xmx512m', '-Djava.awt.headless=true', this.build.loggingOption, '-cp', this.build.classpath, 'kafkaassignors.broker.ParentBoundKafka', this.configFile],
      'pipe',
    );
    const exit = childExit(child);
    this.child = child;
    this.exit = exit;
    void exit.then((status) => {
      if (this.child === child) exited.abort(new Error(`the broker process ${describeExit(status)}`));
    });
  }

  /** SIGKILL, as a crash: nothing is flushed or handed over. Resolves once the process is gone. */
  async kill(): Promise<void> {
    const { child, exit } = this;
    this.child = null;
    if (child === null || exit === null) return;
    child.kill('SIGKILL');
    await exit;
  }

  /** SIGTERM, then SIGKILL after a grace period. */
  async stop(): Promise<void> {
    const { child, exit } = this;
    this.child = null;
    if (child !== null && exit !== null) await stopProcess(child, exit, STOP_GRACE_MS);
  }

  async removeData(): Promise<void> {
    await rm(this.dataDir, { recursive: true, force: true });
  }

  /**
   * Runs java with its output appended to the log file (the child keeps its own copy of the descriptor), in its
   * own process group, so a Ctrl-C meant for us reaches only us and we stop it in order. With `stdin: 'pipe'`,
   * its standard input stays open as long as we live; the broker launcher shuts down when it closes.
   */
  private async spawnJava(args: readonly string[], stdin: 'ignore' | 'pipe'): Promise<ChildProcess> {
    const log = await open(this.logFile, 'a');
    try {
      return spawn('java', args, { stdio: [stdin, log.fd, log.fd], detached: true });
    } finally {
      await log.close();
    }
  }
}
