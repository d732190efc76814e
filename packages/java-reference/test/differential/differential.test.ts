import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Assignor } from '@kafka-assignors/core';
import { assignmentJson, scenarioGroup, type AssignmentJson, type Scenario } from '@kafka-assignors/core/scenario';
import { rangeAssignor } from '@kafka-assignors/assignor-range';
import { roundRobinAssignor } from '@kafka-assignors/assignor-roundrobin';
import { javaAssignments, scenarioJson, type JavaAssignorName } from '@kafka-assignors/java-reference';
import { differentialScenarioArbitrary } from './differential-scenario-arbitrary.js';
import { SCENARIO_FEATURES, scenarioFeatures, type ScenarioFeature } from './scenario-features.js';
import { describeWithJavaReference } from './with-java-reference.js';

const SCENARIOS_PER_ASSIGNOR = 2000;
const SEED = 20240881;
/** One JVM for a batch of scenarios takes a second or two; a loaded machine may need more. */
const BATCH_TIMEOUT_MS = 60_000;

/** Every feature must show up in at least this share of the scenarios. */
const MIN_FEATURE_SHARE = 0.05;

const scenarios = fc.sample(differentialScenarioArbitrary(), { numRuns: SCENARIOS_PER_ASSIGNOR, seed: SEED });

function ourAssignment(createAssignor: () => Assignor, scenario: Scenario): AssignmentJson {
  const group = scenarioGroup(scenario, () => createAssignor());
  return assignmentJson(
    scenario.members.map(({ memberId }) => memberId),
    createAssignor().assign(group),
  );
}

interface Mismatch {
  readonly scenario: Scenario;
  readonly ours: AssignmentJson;
  readonly java: AssignmentJson;
}

/** Names the smallest scenario that differs, as a scenario file that `kafka-assignors assign` replays. */
function mismatchReport(assignorName: string, mismatches: readonly Mismatch[]): string {
  const files = mismatches.map((mismatch) => ({ mismatch, file: JSON.stringify(scenarioJson(mismatch.scenario)) }));
  const [smallest] = files.sort((a, b) => a.file.length - b.file.length);
  if (smallest === undefined) return '';
  return [
    `the ${assignorName} assignor differs from the Java client's on ${mismatches.length} of ${SCENARIOS_PER_ASSIGNOR} scenarios.`,
    `The smallest, as a scenario file (replay: kafka-assignors assign --assignor ${assignorName} FILE):`,
    smallest.file,
    `ours: ${JSON.stringify(smallest.mismatch.ours.assignment)}`,
    `Java: ${JSON.stringify(smallest.mismatch.java.assignment)}`,
  ].join('\n');
}

describe('the differential scenarios', () => {
  it('cover every kind of group they are meant to', () => {
    const counts = new Map<ScenarioFeature, number>();
    for (const scenario of scenarios) for (const feature of scenarioFeatures(scenario)) counts.set(feature, (counts.get(feature) ?? 0) + 1);
    const rare = SCENARIO_FEATURES.filter((feature) => (counts.get(feature) ?? 0) < MIN_FEATURE_SHARE * scenarios.length);
    expect(rare, `too few scenarios with: ${rare.join(', ')}`).toEqual([]);
  });
});

describeWithJavaReference('our assignors against the Java client (kafka-clients 3.9.1) on generated scenarios', () => {
  it.each<[JavaAssignorName, () => Assignor]>([
    ['range', () => rangeAssignor()],
    ['roundrobin', () => roundRobinAssignor()],
  ])(
    '%s gives the Java result for every scenario',
    async (assignorName, createAssignor) => {
      const java = await javaAssignments(assignorName, scenarios);

      const mismatches = scenarios.flatMap((scenario, index) => {
        const ours = ourAssignment(createAssignor, scenario);
        const theirs = java[index] ?? { assignment: {} };
        return isDeepStrictEqual(ours, theirs) ? [] : [{ scenario, ours, java: theirs } satisfies Mismatch];
      });
      expect(mismatches.length, mismatchReport(assignorName, mismatches)).toBe(0);
    },
    BATCH_TIMEOUT_MS,
  );
});
