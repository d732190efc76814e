import { assignmentJson, scenarioGroup, type Assignor, type Group, type Scenario, type TopicPartitions } from '@kafka-assignors/core';

/** A scenario's group as a leader running `createAssignor` sees it, and the leader's result in the scenario output format. */
export function assignScenario(createAssignor: () => Assignor, scenario: Scenario): { group: Group; assignment: Record<string, TopicPartitions[]> } {
  const group = scenarioGroup(scenario, () => createAssignor());
  const result = createAssignor().assign(group);
  return { group, assignment: assignmentJson(scenario.members.map(({ memberId }) => memberId), result).assignment };
}
