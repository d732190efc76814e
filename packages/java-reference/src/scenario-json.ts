import type { Scenario } from '@kafka-assignors/core/scenario';

/**
 * A scenario as JSON in the scenario format (docs/scenario-format.md), raw user data in base64: what
 * `readScenario` reads back, `kafka-assignors assign` replays, and the Java harness takes one per line.
 */
export function scenarioJson(scenario: Scenario): unknown {
  return {
    topics: scenario.topics,
    members: scenario.members.map(({ userData, ...member }) =>
      userData === undefined ? member : { ...member, userData: Buffer.from(userData).toString('base64') },
    ),
  };
}
