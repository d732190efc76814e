import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AssignmentJson, Scenario } from '@kafka-assignors/core/scenario';
import {
  compactScenario,
  javaAssignments,
  startJavaTiming,
  type JavaAssignorName,
  type JavaTimingPlan,
  type JavaTimingSession,
} from '@kafka-assignors/java-reference';
import { differentialScenarioArbitrary } from './differential-scenario-arbitrary.js';
import { describeWithJavaReference } from './with-java-reference.js';

const ASSIGNORS: readonly JavaAssignorName[] = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'];
const ONE_RUN: JavaTimingPlan = { warmupMs: 0, minRuns: 1, targetMs: 0, maxRuns: 1, maxMs: 0 };
const SCENARIOS = 40;
const BATCH_TIMEOUT_MS = 60_000;

/** Each scenario as a second round: every member owns what Java's range gave it, at generation 5, and some carry raw user data. */
function secondRounds(scenarios: readonly Scenario[], firstRounds: readonly AssignmentJson[]): Scenario[] {
  return scenarios.map((scenario, index) => ({
    ...scenario,
    members: scenario.members.map((member, position) => ({
      ...member,
      owned: firstRounds[index]?.assignment[member.memberId] ?? [],
      generationId: 5,
      ...(position === 0 && index % 3 === 0 ? { userData: Uint8Array.of(0, 0, 0, 1) } : {}),
    })),
  }));
}

describeWithJavaReference('the timing mode of the Java reference harness', () => {
  let dir: string;
  let session: JavaTimingSession;
  let files = 0;
  const time = async (scenario: Scenario, assignors: readonly JavaAssignorName[], plan = ONE_RUN) => {
    const file = join(dir, `scenario-${String(files++)}.compact`);
    await writeFile(file, compactScenario(scenario));
    return session.time({ compactScenarioFile: file, assignors, plan });
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'java-timing-'));
    session = await startJavaTiming();
  }, BATCH_TIMEOUT_MS);
  afterAll(async () => {
    await session.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('says which kafka-clients it runs', () => {
    expect(session.versions.kafkaClients).toBe('3.9.1');
    expect(session.versions.java).toMatch(/\d/);
  });

  it(
    'reads the compact form as the JSON mode reads the scenario, for every assignor, first rounds and second',
    async () => {
      const firstRounds = fc.sample(differentialScenarioArbitrary(), { numRuns: SCENARIOS, seed: 7 });
      const scenarios = [...firstRounds, ...secondRounds(firstRounds, await javaAssignments('range', firstRounds))];
      for (const assignor of ASSIGNORS) {
        const expected = await javaAssignments(assignor, scenarios);
        for (const [index, scenario] of scenarios.entries()) {
          const [timing] = await time(scenario, [assignor]);
          expect(timing, `${assignor} on scenario ${index}`).toEqual({ assignor, samplesNs: [expect.any(Number)], assignment: expected[index] });
        }
      }
    },
    BATCH_TIMEOUT_MS,
  );

  it('gives the sticky assignors each member\'s last assignment on every timed run, not only the first', async () => {
    // Range would give a the first half; the sticky assignors keep what each member owned.
    const scenario: Scenario = {
      topics: [{ name: 't', partitions: 4 }],
      members: [
        { memberId: 'a', topics: ['t'], owned: [{ topic: 't', partitions: [2, 3] }], generationId: 5 },
        { memberId: 'b', topics: ['t'], owned: [{ topic: 't', partitions: [0, 1] }], generationId: 5 },
      ],
    };
    const timings = await time(scenario, ['sticky', 'cooperative-sticky'], { warmupMs: 0, minRuns: 3, targetMs: 0, maxRuns: 3, maxMs: 10_000 });
    for (const timing of timings) {
      expect(timing).toMatchObject({ samplesNs: [expect.any(Number), expect.any(Number), expect.any(Number)] });
      expect('assignment' in timing && timing.assignment).toEqual({
        assignment: { a: [{ topic: 't', partitions: [2, 3] }], b: [{ topic: 't', partitions: [0, 1] }] },
      });
    }
  });

  it('warms up, then times until the target time and the least number of runs are reached', async () => {
    const scenario: Scenario = { topics: [{ name: 't', partitions: 3 }], members: [{ memberId: 'a', topics: ['t'] }] };
    const [timing] = await time(scenario, ['range'], { warmupMs: 50, minRuns: 7, targetMs: 0, maxRuns: 100, maxMs: 10_000 });
    expect(timing !== undefined && 'samplesNs' in timing && timing.samplesNs.length).toBe(7);
  });

  it('answers an error for an assignor that throws, an unknown one and an unreadable file, and goes on', async () => {
    const empty: Scenario = { topics: [], members: [] };
    const [roundRobin, unknown] = await time(empty, ['roundrobin', 'uniform' as JavaAssignorName]);
    expect(roundRobin).toEqual({ assignor: 'roundrobin', error: 'java.lang.IllegalArgumentException: CircularIterator can only be used on non-empty lists' });
    expect(unknown).toEqual({ assignor: 'uniform', error: expect.stringContaining('no assignor uniform (one of: cooperative-sticky, range, roundrobin, sticky)') as unknown });
    const [missing] = await session.time({ compactScenarioFile: join(dir, 'missing.compact'), assignors: ['range'], plan: ONE_RUN });
    expect(missing).toEqual({ assignor: 'range', error: expect.stringContaining('NoSuchFileException') as unknown });
    expect(await time({ topics: [{ name: 't', partitions: 1 }], members: [{ memberId: 'a', topics: ['t'] }] }, ['range'])).toHaveLength(1);
  });
});
