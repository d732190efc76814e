/**
 * Child process: our assignors on one scenario file, with benny. `ours-worker.ts list` reports which assignors of
 * the registry are available; `ours-worker.ts time SCENARIO_ID FILE PLAN_JSON PROTOCOL...` measures the ones named:
 * the group is built as live members would build their subscriptions, then assign plus encoding every member's
 * assignment is warmed up and timed, then assign alone, and the result is checked.
 */
import { readFile } from 'node:fs/promises';
import b from 'benny';
import { encodeGroupAssignment, memberRebalanceProtocol, type Assignor, type Group, type GroupAssignment } from '@kafka-assignors/core';
import { parseScenario, scenarioGroup, type Scenario } from '@kafka-assignors/core/scenario';
import { assignmentQuality } from '../assignment-quality.js';
import { loadOurAssignor, type LoadedAssignor } from '../load-our-assignor.js';
import type { Measurement } from '../measurement.js';
import { ourAssignors } from '../our-assignors.js';
import { warmUp } from '../time-runs.js';
import type { TimingPlan } from '../timing-plan.js';
import { sendToParent } from './send-to-parent.js';

const MS_PER_S = 1000;
const ASSIGN_AND_ENCODE = 'assign + encode';
const ASSIGN_ONLY = 'assign';

const loaded: LoadedAssignor[] = [];
for (const entry of ourAssignors) loaded.push(await loadOurAssignor(entry));

const [mode, scenarioId = '', file = '', planJson = '{}', ...protocols] = process.argv.slice(2);
if (mode === 'list') {
  await sendToParent({
    kind: 'assignors',
    available: loaded.flatMap((assignor) => ('create' in assignor ? [assignor.protocol] : [])),
    skipped: loaded.flatMap((assignor) => ('skipped' in assignor ? [{ assignor: assignor.protocol, reason: assignor.skipped }] : [])),
  });
} else {
  const scenario = parseScenario(await readFile(file, 'utf8'));
  const plan = JSON.parse(planJson) as TimingPlan;
  for (const assignor of loaded) {
    if (!('create' in assignor) || !protocols.includes(assignor.protocol)) continue;
    await sendToParent({ kind: 'measurement', measurement: await measure(assignor, scenario, plan) });
  }
}

async function measure(assignor: { protocol: string; create: () => Assignor }, scenario: Scenario, plan: TimingPlan): Promise<Measurement> {
  const measured = { scenario: scenarioId, implementation: 'ours', assignor: assignor.protocol } as const;
  try {
    const group = scenarioGroup(scenario, () => assignor.create());
    const leader = assignor.create();
    const assignAndEncode = () => assignAndEncodeOnce(leader, group);
    const assignOnly = () => leader.assign(group);
    await warmUp(plan, assignAndEncode);
    const options = { minSamples: plan.minRuns, maxTime: plan.targetMs / MS_PER_S };
    const summary = await b.suite(
      `${assignor.protocol} on ${scenarioId}`,
      b.add(ASSIGN_AND_ENCODE, () => assignAndEncode, options),
      b.add(ASSIGN_ONLY, () => assignOnly, options),
    );
    const result = summary.results.find(({ name }) => name === ASSIGN_AND_ENCODE);
    const assignOnlyResult = summary.results.find(({ name }) => name === ASSIGN_ONLY);
    if (result === undefined || assignOnlyResult === undefined) throw new Error('benny measured nothing');
    return {
      ...measured,
      medianMs: result.details.median * MS_PER_S,
      assignOnlyMedianMs: assignOnlyResult.details.median * MS_PER_S,
      samples: result.samples,
      quality: assignmentQuality(scenario, assignAndEncode(), memberRebalanceProtocol(leader)),
    };
  } catch (error) {
    return { ...measured, error: String(error) };
  }
}

/** What the leader does, as `kafkajsAssigner` does it: assign, then encode every member's assignment for SyncGroup. */
function assignAndEncodeOnce(leader: Assignor, group: Group): GroupAssignment {
  const assignment = leader.assign(group);
  let encodedBytes = 0;
  for (const bytes of encodeGroupAssignment(assignment).values()) encodedBytes += bytes.length;
  if (encodedBytes === 0 && assignment.size > 0) throw new Error('encoding produced no bytes');
  return assignment;
}
