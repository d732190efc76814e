import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AssignmentJson, Scenario } from '@kafka-assignors/core/scenario';
import { ensureHarnessBuild } from './harness-build.js';
import type { JavaAssignorName } from './java-assignor-name.js';
import { scenarioJson } from './scenario-json.js';

const MAIN_CLASS = 'kafkaassignors.reference.JavaReference';

/**
 * What the Java client's assignor gives each scenario, in order, in the scenario output format: members in
 * scenario order, topics by name, partitions ascending (Java's own list order follows HashMap iteration). One
 * JVM runs the whole batch, scenarios streaming to it and answers back. The harness is built with Maven on
 * first use.
 */
export async function javaAssignments(assignorName: JavaAssignorName, scenarios: Iterable<Scenario>): Promise<AssignmentJson[]> {
  const { classpath } = await ensureHarnessBuild();
  const java = spawn('java', ['-cp', classpath, MAIN_CLASS, assignorName], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
    java.once('close', (code: number | null, signal: NodeJS.Signals | null) => resolve({ code, signal }));
    java.once('error', (error) => resolve({ code: null, signal: null, error }));
  });
  let stderr = '';
  java.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // Writing to a JVM that has stopped fails with EPIPE; its exit status and standard error say why.
  java.stdin.on('error', () => undefined);
  const answers = readLines(java.stdout);
  const sent = sendScenarios(java.stdin, scenarios).then(
    (count) => ({ count, error: null }),
    (error: unknown) => ({ count: 0, error }),
  );

  const status = await exit;
  const sending = await sent;
  if (status.error !== undefined || status.code !== 0 || sending.error !== null) {
    const how = status.error?.message ?? (status.signal === null ? `exited with code ${String(status.code)}` : `was killed by ${status.signal}`);
    throw new Error(`the Java reference harness ${how}${stderr.trim() === '' ? '' : `:\n${stderr.trim()}`}`, { cause: sending.error ?? status.error });
  }
  const lines = await answers;
  if (lines.length !== sending.count) throw new Error(`the Java reference harness answered ${lines.length} of ${sending.count} scenarios`);
  return lines.map((line, index) => readAnswer(assignorName, line, index));
}

/** Writes one scenario per line, waiting whenever the JVM falls behind; resolves with how many were sent. */
async function sendScenarios(stdin: Writable, scenarios: Iterable<Scenario>): Promise<number> {
  let count = 0;
  for (const scenario of scenarios) {
    if (stdin.destroyed) throw new Error('the JVM stopped reading scenarios');
    if (!stdin.write(`${JSON.stringify(scenarioJson(scenario))}\n`)) await drainedOrClosed(stdin);
    count++;
  }
  stdin.end();
  return count;
}

/** Resolves once the pipe takes more, or is gone (the JVM stopped); it never rejects. */
function drainedOrClosed(stdin: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stdin.off('drain', done);
      stdin.off('close', done);
      resolve();
    };
    stdin.on('drain', done);
    stdin.on('close', done);
  });
}

async function readLines(stdout: Readable): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: stdout, crlfDelay: Infinity })) lines.push(line);
  return lines;
}

function readAnswer(assignorName: JavaAssignorName, line: string, index: number): AssignmentJson {
  const answer = JSON.parse(line) as Partial<AssignmentJson> & { error?: string };
  if (answer.error !== undefined) throw new Error(`the Java ${assignorName} assignor failed on scenario ${index}: ${answer.error}`);
  if (typeof answer.assignment !== 'object' || answer.assignment === null) {
    throw new Error(`the Java reference harness answered scenario ${index} with ${line}`);
  }
  return { assignment: answer.assignment };
}
