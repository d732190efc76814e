import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startChaosEnvironment, type ChaosEnvironment } from '../../src/chaos-environment.js';
import { QUICK_PLAN } from '../../src/chaos-suite.js';
import { SeededRandom } from '@kafka-assignors/core/simulator';
import { runFault } from '../../src/run-fault.js';

/**
 * The chaos suite's quick plan, once per fault, as CI runs it: real pod processes, real brokers, faults from
 * outside, and the checker. `npm run chaos` runs the full plan and commits its results.
 */
for (const nodes of [...new Set(QUICK_PLAN.map(({ fault }) => fault.nodes))]) {
  describe(`chaos on a ${nodes}-broker cluster`, () => {
    let environment: ChaosEnvironment;
    const random = new SeededRandom(nodes);
    beforeAll(async () => {
      environment = await startChaosEnvironment(nodes);
    }, 180_000);
    afterAll(async () => {
      await environment.close();
    }, 60_000);

    for (const { fault } of QUICK_PLAN.filter((planned) => planned.fault.nodes === nodes)) {
      test(`${fault.name}: exactly one active at every side effect, nothing lost`, async () => {
        const run = await runFault(environment, fault, () => random.next());
        console.info(`${fault.name}: failover ${run.failoverMs ?? '–'} ms, outage ${run.outageMs} ms, duplicates ${run.verdict.duplicates.writes}, refused ${run.verdict.refused}`);
        expect(run.verdict.overlaps).toEqual([]);
        expect(run.verdict.effectsOutsideInterval).toEqual([]);
        expect(run.verdict.effectsDuringOtherActive).toEqual([]);
        expect(run.verdict.lost).toEqual([]);
        if (fault.keepsActive) expect(run.activeChanges).toBe(0);
      }, 300_000);
    }
  });
}
