export { javaAssignments } from './java-assignments.js';
export type { JavaAssignorName } from './java-assignor-name.js';
export { startJavaTiming, type JavaTiming, type JavaTimingPlan, type JavaTimingRequest, type JavaTimingSession } from './java-timing.js';
export { compactScenario } from './compact-scenario.js';
export { javaReferenceUnavailable } from './java-tools.js';
export { scenarioJson } from './scenario-json.js';
