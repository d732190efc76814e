export type { Scenario, ScenarioMember, ScenarioTopic } from './scenario.js';
export { ScenarioError } from './scenario-error.js';
export { parseScenario, readScenario } from './parse-scenario.js';
export { scenarioGroup } from './scenario-group.js';
export { assignmentJson, type AssignmentJson } from './assignment-json.js';
