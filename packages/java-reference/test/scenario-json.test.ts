import { describe, expect, it } from 'vitest';
import { readScenario, type Scenario } from '@kafka-assignors/core/scenario';
import { scenarioJson } from '@kafka-assignors/java-reference';

describe('scenarioJson', () => {
  it('writes what readScenario reads back, raw user data in base64', () => {
    const scenario: Scenario = {
      topics: [{ name: 'orders', partitions: 2, replicaRacks: [['a'], ['b', 'c']] }, { name: 'empty', partitions: 0 }],
      members: [
        { memberId: 'm-\u{1F600}', groupInstanceId: 'pod-1', rackId: 'a', topics: ['orders'], owned: [{ topic: 'orders', partitions: [1] }], generationId: 4 },
        { memberId: 'raw', topics: [], userData: Uint8Array.of(0, 255, 7) },
      ],
    };
    const json = scenarioJson(scenario);
    expect(JSON.parse(JSON.stringify(json))).toMatchObject({ members: [{}, { userData: 'AP8H' }] });
    expect(readScenario(JSON.parse(JSON.stringify(json)))).toEqual(scenario);
  });
});
