import type { Scenario, ScenarioTopic } from '@kafka-assignors/core/scenario';

/** What a differential scenario may exercise; the generator must keep producing every one. */
export const SCENARIO_FEATURES = [
  'static and dynamic members',
  'heterogeneous subscriptions',
  'member without topics',
  'member without rack',
  'member with empty rack',
  'topic listed twice',
  'missing topic subscribed',
  'topic without partitions subscribed',
  'partial rack coverage',
  'full rack coverage',
  'range rack phase',
  'range rack phase with co-partitioned topics',
] as const;

export type ScenarioFeature = (typeof SCENARIO_FEATURES)[number];

export function scenarioFeatures({ topics, members }: Scenario): Set<ScenarioFeature> {
  const features = new Set<ScenarioFeature>();
  const add = (feature: ScenarioFeature, present: boolean) => present && features.add(feature);
  const existing = new Map(topics.map((topic) => [topic.name, topic]));
  const subscribersOf = (topic: string) => members.filter((member) => member.topics.includes(topic));
  const rackOf = (rackId: string | undefined) => (rackId === '' ? undefined : rackId);

  add('static and dynamic members', members.some((m) => m.groupInstanceId !== undefined) && members.some((m) => m.groupInstanceId === undefined));
  add('heterogeneous subscriptions', new Set(members.map((m) => [...new Set(m.topics)].sort().join())).size > 1);
  add('member without topics', members.some((m) => m.topics.length === 0));
  add('member without rack', members.some((m) => m.rackId === undefined));
  add('member with empty rack', members.some((m) => m.rackId === ''));
  add('topic listed twice', members.some((m) => new Set(m.topics).size < m.topics.length));
  add('missing topic subscribed', members.some((m) => m.topics.some((topic) => !existing.has(topic))));
  add('topic without partitions subscribed', topics.some((t) => t.partitions === 0 && subscribersOf(t.name).length > 0));
  add('partial rack coverage', topics.some((t) => t.partitions > 0 && coverage(t) === 'partial'));
  add('full rack coverage', topics.some((t) => t.partitions > 0 && coverage(t) === 'full'));

  // The range assignor's KIP-881 gate, per topic, and the co-partitioned sets its rack phase then visits.
  const rackedSets = new Map<string, number>();
  let rackPhase = false;
  for (const topic of topics) {
    const subscribers = subscribersOf(topic.name);
    const memberRacks = new Set(subscribers.flatMap((m) => rackOf(m.rackId) ?? []));
    if (topic.partitions === 0 || memberRacks.size === 0) continue;
    const key = `${topic.partitions}:${subscribers.map((m) => m.memberId).join()}`;
    rackedSets.set(key, (rackedSets.get(key) ?? 0) + 1);
    const replicaRacks = new Set(topic.replicaRacks?.flat());
    rackPhase ||= [...memberRacks].some((rack) => replicaRacks.has(rack)) && coverage(topic) === 'partial';
  }
  add('range rack phase', rackPhase);
  add('range rack phase with co-partitioned topics', rackPhase && [...rackedSets.values()].some((count) => count > 1));
  return features;
}

/** Whether every partition has a replica on every rack that holds any of the topic's replicas. */
function coverage(topic: ScenarioTopic): 'none' | 'partial' | 'full' {
  if (topic.replicaRacks === undefined) return 'none';
  const racks = new Set(topic.replicaRacks.flat());
  if (racks.size === 0) return 'none';
  return topic.replicaRacks.every((partitionRacks) => new Set(partitionRacks).size === racks.size) ? 'full' : 'partial';
}
