import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { AssignmentJson } from '@kafka-assignors/core/scenario';
import type { TimingPlan } from '../timing-plan.js';

/** The franz-go program's answer for one balancer: its timed samples and last assignment, or its error. */
export interface FranzGoAnswer {
  readonly balancer?: string;
  readonly samplesNs?: number[];
  readonly result?: AssignmentJson;
  readonly error?: string;
}

/** One running franz-go peer program (bench/peers/franz-go/main.go), asked one request at a time. */
export interface FranzGoProcess {
  /** What it was built with: `franzGo` and `go` versions. */
  readonly versions: { readonly franzGo: string; readonly go: string };
  balance(scenarioFile: string, balancer: string, plan: TimingPlan): Promise<FranzGoAnswer>;
  close(): Promise<void>;
  kill(): Promise<void>;
}

/** Starts the program and resolves once it has said which versions it runs. */
export async function startFranzGoProcess(binary: string): Promise<FranzGoProcess> {
  const child = spawn(binary, [], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exit = new Promise<string>((resolve) => {
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => resolve(signal === null ? `exited with code ${String(code)}` : `was killed by ${signal}`));
    child.once('error', (error) => resolve(error.message));
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // Writing to a program that has stopped fails with EPIPE; its exit status and standard error say why.
  child.stdin.on('error', () => undefined);
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const nextLine = async (): Promise<string> => {
    const line = await lines.next();
    if (line.done !== true) return line.value;
    throw new Error(`the franz-go peer ${await exit}${stderr.trim() === '' ? '' : `:\n${stderr.trim()}`}`);
  };

  const versions = JSON.parse(await nextLine()) as FranzGoProcess['versions'];
  return {
    versions,
    async balance(scenarioFile, balancer, plan) {
      child.stdin.write(`${JSON.stringify({ scenario: scenarioFile, balancers: [balancer], timing: plan })}\n`);
      const answer = JSON.parse(await nextLine()) as FranzGoAnswer;
      if (answer.balancer !== balancer) throw new Error(`the franz-go peer answered for ${String(answer.balancer)} where ${balancer} was expected`);
      return answer;
    },
    async close() {
      child.stdin.end();
      await exit;
    },
    async kill() {
      child.kill('SIGKILL');
      await exit;
    },
  };
}
