import { type Assignor, type Group, type TopicPartitions } from '@kafka-assignors/core';
import { assignmentJson, scenarioGroup, type Scenario } from '@kafka-assignors/core/scenario';

/** A scenario's group as a leader running `createAssignor` sees it, and the leader's result in the scenario output format. */
export function assignScenario(createAssignor: () => Assignor, scenario: Scenario): { group: Group; assignment: Record<string, TopicPartitions[]> } {
  const group = scenarioGroup(scenario, () => createAssignor());
  const result = createAssignor().assign(group);
  return { group, assignment: assignmentJson(scenario.members.map(({ memberId }) => memberId), result).assignment };
}
