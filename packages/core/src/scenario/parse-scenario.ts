import type { TopicPartitions } from '../model.js';
import type { Scenario, ScenarioMember, ScenarioTopic } from './scenario.js';
import { ScenarioError } from './scenario-error.js';

const INT32_MAX = 0x7fffffff;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Reads a scenario from JSON text, or throws a ScenarioError naming the first value that is wrong. */
export function parseScenario(text: string): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError('', `not valid JSON (${(error as Error).message})`);
  }
  return readScenario(json);
}

/** Checks an already parsed JSON value against the scenario format. */
export function readScenario(json: unknown): Scenario {
  const root = record(json, '');
  const topics = array(root.topics, 'topics').map((t, i) => readTopic(t, `topics[${i}]`));
  unique(topics.map((t) => t.name), 'topics', 'topic name');
  const members = array(root.members, 'members').map((m, i) => readMember(m, `members[${i}]`));
  unique(members.map((m) => m.memberId), 'members', 'memberId');
  return { topics, members };
}

function readTopic(json: unknown, path: string): ScenarioTopic {
  const topic = record(json, path);
  const name = nonEmptyString(topic.name, `${path}.name`);
  const partitions = int32(topic.partitions, `${path}.partitions`);
  if (topic.replicaRacks === undefined) return { name, partitions };
  const replicaRacks = array(topic.replicaRacks, `${path}.replicaRacks`).map((racks, p) =>
    array(racks, `${path}.replicaRacks[${p}]`).map((rack, r) => string(rack, `${path}.replicaRacks[${p}][${r}]`)),
  );
  if (replicaRacks.length !== partitions) {
    throw new ScenarioError(`${path}.replicaRacks`, `has ${replicaRacks.length} entries for ${partitions} partitions`);
  }
  return { name, partitions, replicaRacks };
}

function readMember(json: unknown, path: string): ScenarioMember {
  const member = record(json, path);
  const result: { -readonly [K in keyof ScenarioMember]: ScenarioMember[K] } = {
    memberId: nonEmptyString(member.memberId, `${path}.memberId`),
    topics: array(member.topics, `${path}.topics`).map((t, i) => string(t, `${path}.topics[${i}]`)),
  };
  if (member.groupInstanceId !== undefined) result.groupInstanceId = nonEmptyString(member.groupInstanceId, `${path}.groupInstanceId`);
  if (member.rackId !== undefined) result.rackId = string(member.rackId, `${path}.rackId`);
  if (member.owned !== undefined) result.owned = array(member.owned, `${path}.owned`).map((o, i) => readOwned(o, `${path}.owned[${i}]`));
  if (member.generationId !== undefined) result.generationId = generation(member.generationId, `${path}.generationId`);
  if (member.state !== undefined) result.state = member.state;
  if (member.userData !== undefined) result.userData = base64(member.userData, `${path}.userData`);
  return result;
}

function readOwned(json: unknown, path: string): TopicPartitions {
  const owned = record(json, path);
  return {
    topic: string(owned.topic, `${path}.topic`),
    partitions: array(owned.partitions, `${path}.partitions`).map((p, i) => int32(p, `${path}.partitions[${i}]`)),
  };
}

function record(json: unknown, path: string): Record<string, unknown> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ScenarioError(path, 'expected an object');
  return json as Record<string, unknown>;
}

function array(json: unknown, path: string): unknown[] {
  if (!Array.isArray(json)) throw new ScenarioError(path, 'expected an array');
  return json;
}

function string(json: unknown, path: string): string {
  if (typeof json !== 'string') throw new ScenarioError(path, 'expected a string');
  return json;
}

function nonEmptyString(json: unknown, path: string): string {
  const value = string(json, path);
  if (value === '') throw new ScenarioError(path, 'must not be empty');
  return value;
}

function int32(json: unknown, path: string): number {
  if (typeof json !== 'number' || !Number.isInteger(json) || json < 0 || json > INT32_MAX) {
    throw new ScenarioError(path, `expected an integer from 0 to ${INT32_MAX}`);
  }
  return json;
}

function generation(json: unknown, path: string): number {
  if (json === -1) return -1;
  return int32(json, path);
}

function base64(json: unknown, path: string): Uint8Array {
  const text = string(json, path);
  if (!BASE64.test(text)) throw new ScenarioError(path, 'expected base64 text');
  return Uint8Array.from(Buffer.from(text, 'base64'));
}

function unique(values: readonly string[], path: string, what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new ScenarioError(path, `${what} "${value}" appears twice`);
    seen.add(value);
  }
}
