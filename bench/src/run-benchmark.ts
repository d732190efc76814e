import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import type { Writable } from 'node:stream';
import type { BenchResults } from './bench-results.js';
import { generateScenario } from './generate-scenario.js';
import type { Grid } from './grids.js';
import { IMPLEMENTATION_NAMES } from './implementation.js';
import { machineInfo } from './machine-info.js';
import { DeadlineError } from './deadline-error.js';
import { failedMeasurement, type Measurement } from './measurement.js';
import { startFranzGoPeer } from './peers/franz-go-peer.js';
import { startJavaPeer } from './peers/java-peer.js';
import { startKafkaJSPeer } from './peers/kafkajs-peer.js';
import { startOurPeer } from './peers/ours-peer.js';
import type { Peer, ScenarioUnderTest, Skip } from './peers/peer.js';
import { ProgressBar } from './progress-bar.js';
import { runWorker } from './run-worker.js';
import { partitionCount, scenarioId, variantId, type ScenarioSpec, type ScenarioVariant } from './scenario-spec.js';
import { scenarioSeed } from './scenario-seed.js';
import type { PeakMemory } from './workers/worker-message.js';
import { writeScenarioFiles } from './write-scenario-files.js';

export interface BenchmarkOptions {
  readonly grid: Grid;
  /** Where the generated scenario files go; emptied first. */
  readonly scenarioDir: string;
  /** Where the progress bar and the lines about skipped peers go. */
  readonly progressOut: Writable & { isTTY?: boolean };
}

/**
 * Runs a grid: for each scenario in turn, generates it, writes its files, and has every implementation that can
 * run here measure all its assignors on it, one after the other, so that the times compared were taken under the
 * same load. Then measures the peak memory of our assignors at the grid's largest size, each in a process of its
 * own. A peer that cannot start is skipped with its reason; an assignor that fails on a scenario is recorded with
 * its error.
 */
export async function runBenchmark({ grid, scenarioDir, progressOut }: BenchmarkOptions): Promise<BenchResults> {
  const startedAt = new Date();
  const loadAverageStart = os.loadavg();
  await rm(scenarioDir, { recursive: true, force: true });
  await mkdir(scenarioDir, { recursive: true });

  const starts = [...(await Promise.all([startOurPeer(), startJavaPeer(), startFranzGoPeer()])), startKafkaJSPeer()];
  const peers = starts.flatMap(({ peer }) => (peer === null ? [] : [peer]));
  const skipped = starts.flatMap((start) => start.skipped);
  const ours = peers.find((peer) => peer.implementation === 'ours');

  const specs = grid.scenarios.map((scenario): ScenarioSpec => ({ ...scenario, seed: scenarioSeed(grid.seed, scenarioId(scenario)) }));
  const peakMemorySpec = grid.peakMemory === null ? null : { ...grid.peakMemory, seed: scenarioSeed(grid.seed, scenarioId(grid.peakMemory)) };
  const assignorCount = peers.reduce((count, peer) => count + peer.assignors.length, 0);
  const progress = new ProgressBar(
    specs.reduce((total, spec) => total + weight(spec) * assignorCount, 0) + (peakMemorySpec === null ? 0 : weight(peakMemorySpec) * (ours?.assignors.length ?? 0)),
    progressOut,
  );
  for (const skip of skipped) progress.note(skipLine(skip));

  const measurements: Measurement[] = [];
  const stopped = new Map<string, string>();
  const targets = new Map<string, ScenarioUnderTest>();
  const prepare = async (spec: ScenarioSpec): Promise<ScenarioUnderTest> => {
    const id = scenarioId(spec);
    progress.show(`${id}: generating`);
    const scenario = generateScenario(spec);
    return { id, scenario, ...(await writeScenarioFiles(scenarioDir, id, scenario)) };
  };
  let peakMemory: BenchResults['peakMemory'] = null;
  try {
    for (const spec of specs) {
      const target = await prepare(spec);
      if (peakMemorySpec !== null && target.id === scenarioId(peakMemorySpec)) targets.set(target.id, target);
      for (const peer of peers) {
        progress.show(`${target.id}: ${IMPLEMENTATION_NAMES[peer.implementation]}`);
        const measured = await measureAll(peer, { ...target, spec }, grid, stopped, (measurement) =>
          progress.advance(weight(spec), `${target.id}: ${IMPLEMENTATION_NAMES[peer.implementation]} ${measurement.assignor}`),
        );
        measurements.push(...measured);
      }
    }
    if (peakMemorySpec !== null && ours !== undefined) {
      const target = targets.get(scenarioId(peakMemorySpec)) ?? (await prepare(peakMemorySpec));
      const assignors: PeakMemory[] = [];
      for (const assignor of ours.assignors) {
        progress.show(`${target.id}: peak memory of ${assignor}`);
        for (const message of await runWorker('peak-memory-worker', [assignor, target.jsonFile], { exposeGc: true })) {
          if (message.kind === 'peak-memory') assignors.push(message.peakMemory);
        }
        progress.advance(weight(peakMemorySpec), `${target.id}: peak memory of ${assignor}`);
      }
      peakMemory = { scenario: target.id, assignors };
    }
  } finally {
    await Promise.all(peers.map((peer) => peer.close()));
    progress.finish();
  }

  const finishedAt = new Date();
  return {
    grid: { name: grid.name, command: grid.command, description: grid.description, seed: grid.seed, plan: grid.plan, deadlineMs: grid.deadlineMs, chartVariant: grid.chartVariant },
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
    machine: machineInfo(),
    loadAverage: { start: loadAverageStart.map(round2), end: os.loadavg().map(round2) },
    versions: Object.assign({}, ...peers.map((peer) => peer.versions)) as Record<string, string>,
    skipped,
    scenarios: specs.map((spec) => ({ id: scenarioId(spec), ...spec, partitions: partitionCount(spec) })),
    measurements,
    peakMemory,
  };
}

/**
 * Every assignor of the peer on the scenario; one that the peer could not report is recorded with the peer's error.
 * An assignor stopped at the deadline on a scenario is not run again on the larger ones of the same variant, which
 * would only take longer: it is recorded as stopped there too.
 */
async function measureAll(
  peer: Peer,
  target: ScenarioUnderTest & { readonly spec: ScenarioSpec },
  grid: Grid,
  stopped: Map<string, string>,
  onMeasurement: (measurement: Measurement) => void,
): Promise<Measurement[]> {
  const measured: Measurement[] = [];
  const record = (measurement: Measurement) => {
    measured.push(measurement);
    onMeasurement(measurement);
    const key = stoppedKey(peer, measurement.assignor, target.spec);
    if ('deadlineMs' in measurement && !stopped.has(key)) stopped.set(key, target.id);
  };
  const assignors = peer.assignors.filter((assignor) => {
    const stoppedOn = stopped.get(stoppedKey(peer, assignor, target.spec));
    if (stoppedOn === undefined) return true;
    const error = new DeadlineError(grid.deadlineMs);
    record({ scenario: target.id, implementation: peer.implementation, assignor, error: `${error.message} on ${stoppedOn}, not run again`, deadlineMs: grid.deadlineMs });
    return false;
  });
  try {
    await peer.measure(target, { assignors, plan: grid.plan, deadlineMs: grid.deadlineMs }, record);
  } catch (error) {
    for (const assignor of assignors) {
      if (!measured.some((measurement) => measurement.assignor === assignor)) record(failedMeasurement(target.id, peer.implementation, assignor, error));
    }
  }
  return measured;
}

function stoppedKey(peer: Peer, assignor: string, variant: ScenarioVariant): string {
  return `${peer.implementation}\0${assignor}\0${variantId(variant)}`;
}

/** How much a scenario weighs in the progress bar: its size, which is what its time grows with. */
function weight(spec: ScenarioSpec): number {
  return partitionCount(spec) + spec.members;
}

function skipLine({ implementation, assignor, reason }: Skip): string {
  return `skipped ${IMPLEMENTATION_NAMES[implementation]}${assignor === undefined ? '' : ` ${assignor}`}: ${reason}`;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
