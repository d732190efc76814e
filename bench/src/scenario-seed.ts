/** A seed for one scenario from the grid's seed and the scenario's id, so that it does not depend on the grid around it. */
export function scenarioSeed(gridSeed: number, scenarioId: string): number {
  let hash = gridSeed >>> 0;
  for (let i = 0; i < scenarioId.length; i++) hash = Math.imul(hash ^ scenarioId.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
