import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { systemClock } from '@kafka-assignors/core';
import { followEventStream, type EventStreamProcess } from '@kafka-assignors/local-kafka';
import type { ChaosPodCommand, ChaosPodEvent } from './pod-event.js';
import type { ChaosPodSettings } from './pod-settings.js';

export interface ChaosPod extends EventStreamProcess<ChaosPodEvent> {
  readonly name: string;
  /** SIGKILL (noting the time of death), SIGSTOP, SIGCONT. */
  signal(signal: 'SIGKILL' | 'SIGSTOP' | 'SIGCONT'): void;
  send(command: ChaosPodCommand): void;
  /** When it was SIGKILLed, in monotonic ms; `null` while it has not been. */
  killedAt(): number | null;
  isActive(): boolean;
}

const POD_SCRIPT = fileURLToPath(new URL('chaos-pod.ts', import.meta.url));
const REPOSITORY = fileURLToPath(new URL('../../..', import.meta.url));
const STOP_GRACE_MS = 15_000;

/** Starts a chaos pod process, which joins the group right away; TypeScript sources run through tsx. */
export function startChaosPod(settings: ChaosPodSettings): ChaosPod {
  const child = spawn(process.execPath, ['--conditions=kafka-assignors-source', '--import', 'tsx', POD_SCRIPT, JSON.stringify(settings)], {
    cwd: REPOSITORY,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stream = followEventStream(child, `chaos pod ${settings.name}`, parseEvent, STOP_GRACE_MS);
  let killedAt: number | null = null;
  return {
    ...stream,
    name: settings.name,
    signal: (signal) => {
      if (signal === 'SIGKILL') killedAt ??= systemClock.now();
      child.kill(signal);
    },
    send: (command) => child.stdin.write(`${JSON.stringify(command)}\n`),
    killedAt: () => killedAt,
    isActive: () => stream.events.reduce((active, event) => (event.event === 'role' ? event.role === 'active' : active), false),
  };
}

function parseEvent(line: string): ChaosPodEvent {
  const event = JSON.parse(line) as ChaosPodEvent;
  if (typeof event !== 'object' || typeof event.event !== 'string') throw new Error(`not a chaos pod event: ${line}`);
  return event;
}
