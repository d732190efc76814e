import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '@kafka-assignors/core/scenario';
import { scenarioJson } from '@kafka-assignors/java-reference';
import { generateScenario } from '../src/generate-scenario.js';
import type { ScenarioSpec } from '../src/scenario-spec.js';

const BASE: ScenarioSpec = { members: 9, topics: 8, partitionsPerTopic: 5, subscriptions: 'equal', history: 'fresh', racks: false, seed: 42 };

function ownersByPartition(scenario: Scenario): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const member of scenario.members) {
    for (const { topic, partitions } of member.owned ?? []) {
      for (const partition of partitions) owners.set(`${topic}-${partition}`, [...(owners.get(`${topic}-${partition}`) ?? []), member.memberId]);
    }
  }
  return owners;
}

function ownedCount(scenario: Scenario, memberId: string): number {
  return (scenario.members.find((member) => member.memberId === memberId)?.owned ?? []).reduce((sum, entry) => sum + entry.partitions.length, 0);
}

describe('generateScenario', () => {
  it('gives the same scenario for the same spec, and other member ids for another seed', () => {
    expect(generateScenario(BASE)).toEqual(generateScenario({ ...BASE }));
    const ids = (seed: number) => generateScenario({ ...BASE, seed }).members.map((member) => member.memberId);
    expect(ids(43)).not.toEqual(ids(42));
  });

  it('writes scenarios that the scenario format reads back unchanged', () => {
    for (const history of ['fresh', 'member-leaves', 'member-joins'] as const) {
      const scenario = generateScenario({ ...BASE, history, racks: true, subscriptions: 'unequal' });
      expect(parseScenario(JSON.stringify(scenarioJson(scenario)))).toEqual(scenario);
    }
  });

  it('has the size of its spec, with unique member ids in an order unrelated to their index', () => {
    const scenario = generateScenario({ ...BASE, members: 40 });
    expect(scenario.topics).toHaveLength(8);
    expect(scenario.topics.every((topic) => topic.partitions === 5)).toBe(true);
    const ids = scenario.members.map((member) => member.memberId);
    expect(new Set(ids).size).toBe(40);
    expect([...ids].sort()).not.toEqual(ids);
  });

  it('subscribes every member to every topic, or each to two of four overlapping slices', () => {
    expect(generateScenario(BASE).members.every((member) => member.topics.length === 8)).toBe(true);
    const unequal = generateScenario({ ...BASE, subscriptions: 'unequal' });
    expect(unequal.members.every((member) => member.topics.length === 4)).toBe(true);
    const patterns = new Set(unequal.members.map((member) => [...member.topics].sort().join(',')));
    expect(patterns.size).toBe(4);
    for (const topic of unequal.topics) {
      const subscribers = unequal.members.filter((member) => member.topics.includes(topic.name));
      expect(new Set(subscribers.map((member) => member.topics.join(','))).size).toBe(2);
    }
  });

  it('puts members and two replicas of every partition on three racks', () => {
    const scenario = generateScenario({ ...BASE, racks: true });
    expect(new Set(scenario.members.map((member) => member.rackId))).toEqual(new Set(['rack-a', 'rack-b', 'rack-c']));
    for (const topic of scenario.topics) {
      expect(topic.replicaRacks).toHaveLength(topic.partitions);
      for (const racks of topic.replicaRacks ?? []) expect(new Set(racks).size).toBe(2);
    }
    expect(generateScenario(BASE).topics.every((topic) => topic.replicaRacks === undefined)).toBe(true);
    expect(generateScenario(BASE).members.every((member) => member.rackId === undefined)).toBe(true);
  });

  it('gives a fresh group no history', () => {
    expect(generateScenario(BASE).members.every((member) => member.owned === undefined && member.generationId === undefined)).toBe(true);
  });

  it('after a member joins, has every partition owned once, within one partition per old member, and the new member owning nothing', () => {
    const scenario = generateScenario({ ...BASE, history: 'member-joins' });
    expect(scenario.members).toHaveLength(9);
    const [newcomer, ...others] = [...scenario.members].sort((a, b) => Number(a.owned !== undefined) - Number(b.owned !== undefined));
    expect(newcomer?.owned).toBeUndefined();
    expect(newcomer?.generationId).toBeUndefined();
    expect(others.every((member) => member.generationId === 7)).toBe(true);
    const owners = ownersByPartition(scenario);
    expect(owners.size).toBe(40);
    expect([...owners.values()].every((ids) => ids.length === 1)).toBe(true);
    const counts = others.map((member) => ownedCount(scenario, member.memberId));
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('after a member leaves, has the leaver\'s partitions owned by nobody and the rest owned once', () => {
    const scenario = generateScenario({ ...BASE, history: 'member-leaves' });
    expect(scenario.members).toHaveLength(9);
    expect(scenario.members.every((member) => member.owned !== undefined && member.generationId === 7)).toBe(true);
    const owners = ownersByPartition(scenario);
    // 40 partitions dealt to 10 members, one of whom is gone with his 4.
    expect(owners.size).toBe(36);
    expect([...owners.values()].every((ids) => ids.length === 1)).toBe(true);
  });

  it('deals the previous round within one partition per member among those sharing a subscription', () => {
    const scenario = generateScenario({ ...BASE, members: 20, subscriptions: 'unequal', history: 'member-leaves' });
    const counts = scenario.members.map((member) => ownedCount(scenario, member.memberId));
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2);
    for (const member of scenario.members) {
      for (const { topic } of member.owned ?? []) expect(member.topics).toContain(topic);
    }
  });
});
