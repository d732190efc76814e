export { javaAssignments, type JavaAssignorName } from './java-assignments.js';
export { javaReferenceUnavailable } from './java-tools.js';
export { scenarioJson } from './scenario-json.js';
