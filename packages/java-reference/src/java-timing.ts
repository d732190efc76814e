import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { AssignmentJson } from '@kafka-assignors/core/scenario';
import { ensureHarnessBuild } from './harness-build.js';
import type { JavaAssignorName } from './java-assignor-name.js';

const MAIN_CLASS = 'kafkaassignors.reference.JavaTiming';

/**
 * How long to warm up and how many runs to time. Warm-up runs until `warmupMs` has passed (at least one run).
 * Timed runs go on until `targetMs` has passed and `minRuns` were timed, stopping at `maxRuns`, and after `maxMs`
 * even short of `minRuns` (at least one run).
 */
export interface JavaTimingPlan {
  readonly warmupMs: number;
  readonly minRuns: number;
  readonly targetMs: number;
  readonly maxRuns: number;
  readonly maxMs: number;
}

export interface JavaTimingRequest {
  /** A scenario file in the compact form (`compactScenario`). */
  readonly compactScenarioFile: string;
  readonly assignors: readonly JavaAssignorName[];
  readonly plan: JavaTimingPlan;
}

/** The time of each timed run of `assign` alone, and the result of the last run; or why the assignor failed. */
export type JavaTiming =
  | { readonly assignor: JavaAssignorName; readonly samplesNs: readonly number[]; readonly assignment: AssignmentJson }
  | { readonly assignor: JavaAssignorName; readonly error: string };

/** One JVM that times the Java client's assignors on one scenario after another; one request at a time. */
export interface JavaTimingSession {
  /** What the JVM runs: kafka-clients' own version, and the JVM's name and version. */
  readonly versions: { readonly kafkaClients: string; readonly java: string };
  time(request: JavaTimingRequest): Promise<JavaTiming[]>;
  /** Ends the JVM once it has answered every request. */
  close(): Promise<void>;
  /** Ends the JVM now, in the middle of a request if need be (its pending `time` then rejects). */
  kill(): Promise<void>;
}

/**
 * Starts the timing mode of the harness (`JavaTiming.java`) and resolves once the JVM has said which versions it
 * runs. Each request warms up and times every assignor asked for, a fresh instance for each run, with only
 * `assign` timed. The harness is built with Maven on first use.
 */
export async function startJavaTiming(): Promise<JavaTimingSession> {
  const { classpath } = await ensureHarnessBuild();
  const java = spawn('java', ['-cp', classpath, MAIN_CLASS], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exit = new Promise<string>((resolve) => {
    java.once('close', (code: number | null, signal: NodeJS.Signals | null) =>
      resolve(signal === null ? `exited with code ${String(code)}` : `was killed by ${signal}`),
    );
    java.once('error', (error) => resolve(error.message));
  });
  let stderr = '';
  java.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // Writing to a JVM that has stopped fails with EPIPE; its exit status and standard error say why.
  java.stdin.on('error', () => undefined);
  const answers = createInterface({ input: java.stdout, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const failure = async () => {
    const how = await exit;
    return new Error(`the Java timing harness ${how}${stderr.trim() === '' ? '' : `:\n${stderr.trim()}`}`);
  };

  const hello = await answers.next();
  if (hello.done === true) throw await failure();
  const versions = JSON.parse(hello.value) as JavaTimingSession['versions'];
  return {
    versions,
    async time({ compactScenarioFile, assignors, plan }) {
      java.stdin.write(`${JSON.stringify({ scenario: compactScenarioFile, assignors, timing: plan })}\n`);
      const timings: JavaTiming[] = [];
      for (const assignor of assignors) {
        const answer = await answers.next();
        if (answer.done === true) throw await failure();
        timings.push(readTiming(assignor, answer.value));
      }
      return timings;
    },
    async close() {
      java.stdin.end();
      await exit;
    },
    async kill() {
      java.kill('SIGKILL');
      await exit;
    },
  };
}

function readTiming(assignor: JavaAssignorName, line: string): JavaTiming {
  const answer = JSON.parse(line) as { assignor?: string; error?: string; samplesNs?: number[]; result?: AssignmentJson };
  if (answer.assignor !== assignor) throw new Error(`the Java timing harness answered for ${String(answer.assignor)} where ${assignor} was expected`);
  if (answer.error !== undefined) return { assignor, error: answer.error };
  if (answer.samplesNs === undefined || answer.result === undefined) throw new Error(`the Java timing harness answered ${line.slice(0, 200)}`);
  return { assignor, samplesNs: answer.samplesNs, assignment: answer.result };
}
