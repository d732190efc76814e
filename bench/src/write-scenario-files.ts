import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Scenario } from '@kafka-assignors/core/scenario';
import { compactScenario, scenarioJson } from '@kafka-assignors/java-reference';

/** Writes a scenario in the scenario format (`ID.json`, what `kafka-assignors assign` replays) and in the Java harness's compact form (`ID.compact`). */
export async function writeScenarioFiles(dir: string, id: string, scenario: Scenario): Promise<{ jsonFile: string; compactFile: string }> {
  const jsonFile = join(dir, `${id}.json`);
  const compactFile = join(dir, `${id}.compact`);
  await writeFile(jsonFile, JSON.stringify(scenarioJson(scenario)));
  await writeFile(compactFile, compactScenario(scenario));
  return { jsonFile, compactFile };
}
