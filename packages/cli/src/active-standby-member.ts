import {
  activeStandbyAssignor,
  ActiveStandbyOptionsError,
  encodeRoleRecord,
  type ActiveStandbyAssignor,
  type ActiveStandbyLogger,
  type ActiveStandbyOptions,
} from '@kafka-assignors/assignor-active-standby';
import { ScenarioError, type ScenarioMember } from '@kafka-assignors/core/scenario';

/** The settings a scenario member's `state` may give an active-standby member: those that JSON can carry. */
const SCENARIO_SETTINGS = new Set(['priority', 'name', 'eligible', 'preempt']);

/** The command line prints the assignment only: the leader's log lines would interleave with it. */
const quiet: ActiveStandbyLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The active-standby member a scenario describes: its `state` holds its settings (`priority`, `name`,
 * `eligible` as a boolean, `preempt`), and a member that `owned` partitions after its last rebalance held the
 * active role then, so it claims it, as a live member does after receiving that assignment.
 */
export function activeStandbyMember(member: ScenarioMember): ActiveStandbyAssignor {
  const path = `member "${member.memberId}" state`;
  let assignor: ActiveStandbyAssignor;
  try {
    assignor = activeStandbyAssignor({ ...scenarioSettings(member.state, path), logger: quiet });
  } catch (error) {
    if (error instanceof ActiveStandbyOptionsError) throw new ScenarioError(`${path}.${error.option}`, error.problem);
    throw error;
  }
  const owned = member.owned ?? [];
  if (owned.some(({ partitions }) => partitions.length > 0)) {
    const userData = encodeRoleRecord({ designation: 'active', reason: 'kept', activeMemberId: member.memberId, activeName: null });
    assignor.onAssignment({ partitions: owned, userData }, { memberId: member.memberId, generationId: member.generationId ?? -1 });
  }
  return assignor;
}

function scenarioSettings(state: unknown, path: string): ActiveStandbyOptions {
  if (state === undefined) return {};
  if (typeof state !== 'object' || state === null || Array.isArray(state)) throw new ScenarioError(path, 'expected an object');
  for (const key of Object.keys(state)) {
    if (!SCENARIO_SETTINGS.has(key)) throw new ScenarioError(`${path}.${key}`, `is not an active-standby setting (${[...SCENARIO_SETTINGS].join(', ')})`);
  }
  const settings = state as ActiveStandbyOptions;
  if (settings.eligible !== undefined && typeof settings.eligible !== 'boolean') throw new ScenarioError(`${path}.eligible`, 'expected a boolean');
  return settings;
}
