import { SeededRandom } from '@kafka-assignors/core/simulator';
import { startChaosEnvironment, type ChaosEnvironment } from './chaos-environment.js';
import type { Fault } from './fault.js';
import {
  blockEventLoop,
  freezeActive,
  killActive,
  killActiveWithSession,
  killCoordinator,
  partitionActive,
  partitionStandby,
  pauseAtRandom,
  restartBroker,
} from './faults.js';
import { runFault, type FaultRun } from './run-fault.js';

/** A fault and how many times to run it. */
export interface PlannedFault {
  readonly fault: Fault;
  readonly runs: number;
}

/** Every fault of the issue, each run a few times; the pauses are 50 in one run. */
export const FULL_PLAN: readonly PlannedFault[] = [
  { fault: killActive, runs: 5 },
  { fault: pauseAtRandom(50), runs: 1 },
  { fault: blockEventLoop, runs: 3 },
  { fault: partitionActive, runs: 3 },
  { fault: partitionStandby, runs: 3 },
  { fault: restartBroker, runs: 3 },
  { fault: killCoordinator, runs: 3 },
];

/** The session timeouts of the trade-off table, and the freezes each is tried against. */
export const TRADE_OFF_SESSIONS = [6_000, 10_000, 15_000] as const;
export const TRADE_OFF_FREEZES = [2_000, 4_000, 8_000] as const;

/** Failover after a crash against false expiries after a freeze, for each session timeout. */
export const TRADE_OFF_PLAN: readonly PlannedFault[] = TRADE_OFF_SESSIONS.flatMap((session) => [
  { fault: killActiveWithSession(session), runs: 3 },
  ...TRADE_OFF_FREEZES.map((freeze) => ({ fault: freezeActive(freeze, session), runs: 1 })),
]);

/** One run of each fault, a few pauses: the subset CI runs. */
export const QUICK_PLAN: readonly PlannedFault[] = FULL_PLAN.map(({ fault }) => ({
  fault: fault.name === 'pause-at-random' ? pauseAtRandom(6) : fault,
  runs: 1,
}));

/**
 * Runs the plan, one cluster per size of cluster the faults need, and reports each run as it ends. The same
 * seed draws the same pauses (the machine's timing still varies).
 */
export async function runChaosSuite(plan: readonly PlannedFault[], seed: number, report: (run: FaultRun) => void): Promise<FaultRun[]> {
  const random = new SeededRandom(seed);
  const runs: FaultRun[] = [];
  for (const nodes of [...new Set(plan.map(({ fault }) => fault.nodes))]) {
    const environment: ChaosEnvironment = await startChaosEnvironment(nodes);
    try {
      for (const { fault, runs: count } of plan.filter((planned) => planned.fault.nodes === nodes)) {
        for (let run = 0; run < count; run++) {
          const result = await runFault(environment, fault, () => random.next());
          runs.push(result);
          report(result);
        }
      }
    } finally {
      await environment.close();
    }
  }
  return runs;
}
