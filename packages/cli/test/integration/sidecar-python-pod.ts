import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { followEventStream, type EventStreamProcess } from '@kafka-assignors/local-kafka';
import type { PythonApp } from './sidecar-python-app.js';

/** One line of the app's output file: a message it processed, with the fencing token it held. */
export interface ProcessedLine {
  readonly key: string;
  readonly partition: number;
  readonly offset: number;
  readonly token: number;
}

/** What the pod's sidecar answers on GET /role; `null` when it does not answer. */
export interface RoleAnswer {
  readonly status: number;
  readonly generationId: number;
  readonly name: string;
}

/** A pod as Kubernetes would run it: the built CLI's sidecar and the Python app, as two processes. */
export interface SidecarPythonPod {
  readonly name: string;
  readonly sidecar: EventStreamProcess<Record<string, unknown>>;
  readonly app: EventStreamProcess<Record<string, unknown>>;
  role(): Promise<RoleAnswer | null>;
  /** Every complete line of the app's output file so far. */
  processed(): ProcessedLine[];
  /** SIGKILL to both, as when the pod's node dies; resolves once both have ended. */
  kill(): Promise<void>;
}

export interface PodSettings {
  readonly name: string;
  readonly port: number;
  readonly cli: string;
  readonly pythonApp: PythonApp;
  readonly bootstrap: string;
  readonly topic: string;
  /** The sidecars' group, in which they elect the active. */
  readonly sidecarGroup: string;
  /** The apps' group, under which they commit the offsets they processed. */
  readonly appGroup: string;
  readonly commitEvery: number;
  readonly outputDirectory: string;
}

const STOP_GRACE_MS = 15_000;
const parseLine = (line: string) => JSON.parse(line) as Record<string, unknown>;

export function startSidecarPythonPod(settings: PodSettings): SidecarPythonPod {
  const { name, port } = settings;
  const sidecarArgs = ['sidecar', '--brokers', settings.bootstrap, '--group', settings.sidecarGroup, '--topic', settings.topic, '--name', name, '--port', String(port)];
  const sidecarProcess = spawn(process.execPath, [settings.cli, ...sidecarArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  const sidecar = followEventStream(sidecarProcess, `${name}'s sidecar`, parseLine, STOP_GRACE_MS);
  const output = join(settings.outputDirectory, `${name}.jsonl`);
  const roleUrl = `http://127.0.0.1:${port}/role`;
  const appArgs = ['--role-url', roleUrl, '--brokers', settings.bootstrap, '--topic', settings.topic, '--group', settings.appGroup, '--output', output];
  const appProcess = spawn(settings.pythonApp.python, ['-u', settings.pythonApp.script, ...appArgs, '--commit-every', String(settings.commitEvery)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const app = followEventStream(appProcess, `${name}'s app`, parseLine, STOP_GRACE_MS);
  return {
    name,
    sidecar,
    app,
    role: async () => {
      try {
        const response = await fetch(roleUrl, { signal: AbortSignal.timeout(1000) });
        const body = (await response.json()) as Omit<RoleAnswer, 'status'>;
        return { status: response.status, generationId: body.generationId, name: body.name };
      } catch {
        return null;
      }
    },
    processed: () => readProcessed(output),
    kill: async () => {
      sidecarProcess.kill('SIGKILL');
      appProcess.kill('SIGKILL');
      await Promise.all([sidecar.exit, app.exit]);
    },
  };
}

function readProcessed(file: string): ProcessedLine[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  // A line cut short by SIGKILL has no newline yet: only complete lines count.
  return text.split('\n').slice(0, -1).map((line) => JSON.parse(line) as ProcessedLine);
}
