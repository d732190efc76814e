import { ScenarioError } from '@kafka-assignors/core/scenario';
import { GroupMembership } from './group-membership.js';
import { LAB_EVENT_KINDS, type JoinEvent, type LabEvent, type LabHistory, type LabTopic } from './lab-history.js';

const MAX_PARTITIONS = 1_000_000;

type Json = Record<string, unknown>;

/**
 * Reads a lab script (JSON: starting `topics` and `members`, then `rounds` of events), or throws a
 * ScenarioError naming the path of the first value that is wrong, including events that make no sense at
 * their point of the history: a member that is not in the group leaving, a name joining twice, and so on.
 */
export function parseLabScript(text: string, origin: string): LabHistory {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError('', `not valid JSON (${(error as Error).message})`);
  }
  const root = object(json, '');
  const topics = array(root.topics, 'topics').map((topic, index) => readTopic(topic, `topics[${index}]`));
  const topicNames = new Set<string>();
  topics.forEach(({ name }, index) => {
    if (topicNames.has(name)) throw new ScenarioError(`topics[${index}].name`, `topic "${name}" appears twice`);
    topicNames.add(name);
  });

  const membership = new GroupMembership(topics);
  const members = array(root.members, 'members').map((member, index) => {
    const path = `members[${index}]`;
    const join = readJoin(object(member, path), path);
    if (membership.isRunning(join.member)) throw new ScenarioError(`${path}.member`, `member "${join.member}" appears twice`);
    membership.apply(join);
    return join;
  });
  const rounds = array(root.rounds, 'rounds').map((round, index) =>
    array(round, `rounds[${index}]`).map((event, position) => {
      const path = `rounds[${index}][${position}]`;
      const read = readEvent(object(event, path), path);
      checkSense(read, membership, path);
      membership.apply(read);
      return read;
    }),
  );
  if (rounds.length === 0) throw new ScenarioError('rounds', 'expected at least one round');
  return { origin, topics, members, rounds };
}

function readTopic(json: unknown, path: string): LabTopic {
  const topic = object(json, path);
  const name = nonEmptyString(topic.name, `${path}.name`);
  const partitions = count(topic.partitions, `${path}.partitions`);
  return { name, partitions, replicaRacks: optionalRacks(topic.replicaRacks, partitions, `${path}.replicaRacks`) };
}

function readJoin(json: Json, path: string): JoinEvent {
  return {
    event: 'join',
    member: nonEmptyString(json.member, `${path}.member`),
    topics: strings(json.topics, `${path}.topics`),
    rackId: json.rackId === undefined ? null : nonEmptyString(json.rackId, `${path}.rackId`),
    isStatic: json.static === undefined ? false : boolean(json.static, `${path}.static`),
  };
}

function readEvent(json: Json, path: string): LabEvent {
  const kind = json.event;
  switch (kind) {
    case 'join':
      return readJoin(json, path);
    case 'leave':
    case 'crash':
    case 'expire':
    case 'rejoin':
      return { event: kind, member: nonEmptyString(json.member, `${path}.member`) };
    case 'subscribe':
      return { event: kind, member: nonEmptyString(json.member, `${path}.member`), topics: strings(json.topics, `${path}.topics`) };
    case 'add-partitions': {
      const added = count(json.count, `${path}.count`);
      return { event: kind, topic: nonEmptyString(json.topic, `${path}.topic`), count: added, replicaRacks: optionalRacks(json.replicaRacks, added, `${path}.replicaRacks`) };
    }
    case 'delete-topic':
      return { event: kind, topic: nonEmptyString(json.topic, `${path}.topic`) };
    default:
      throw new ScenarioError(`${path}.event`, `expected one of ${LAB_EVENT_KINDS.join(', ')}`);
  }
}

function checkSense(event: LabEvent, membership: GroupMembership, path: string): void {
  switch (event.event) {
    case 'join':
      if (membership.isRunning(event.member)) throw new ScenarioError(`${path}.member`, `"${event.member}" is already in the group`);
      if (membership.isExpired(event.member)) throw new ScenarioError(`${path}.member`, `"${event.member}" has expired and its process still runs: it can only rejoin`);
      return;
    case 'leave':
    case 'crash':
    case 'expire':
    case 'subscribe':
      if (!membership.isRunning(event.member)) throw new ScenarioError(`${path}.member`, `"${event.member}" is not in the group at this point`);
      return;
    case 'rejoin':
      if (!membership.isExpired(event.member)) throw new ScenarioError(`${path}.member`, `"${event.member}" has not expired, so it cannot rejoin`);
      return;
    case 'add-partitions':
      if (membership.partitionCount(event.topic) + event.count > MAX_PARTITIONS) throw new ScenarioError(`${path}.count`, `takes "${event.topic}" above ${MAX_PARTITIONS} partitions`);
      return;
    case 'delete-topic':
      if (membership.partitionCount(event.topic) === 0) throw new ScenarioError(`${path}.topic`, `"${event.topic}" does not exist at this point`);
      return;
  }
}

function optionalRacks(json: unknown, partitions: number, path: string): readonly (readonly string[])[] | null {
  if (json === undefined) return null;
  const racks = array(json, path).map((replicas, index) => strings(replicas, `${path}[${index}]`));
  if (racks.length !== partitions) throw new ScenarioError(path, `has ${racks.length} entries for ${partitions} partitions`);
  return racks;
}

function object(json: unknown, path: string): Json {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ScenarioError(path, 'expected an object');
  return json as Json;
}

function array(json: unknown, path: string): unknown[] {
  if (!Array.isArray(json)) throw new ScenarioError(path, 'expected an array');
  return json;
}

function strings(json: unknown, path: string): string[] {
  return array(json, path).map((value, index) => nonEmptyString(value, `${path}[${index}]`));
}

function nonEmptyString(json: unknown, path: string): string {
  if (typeof json !== 'string' || json === '') throw new ScenarioError(path, 'expected a non-empty string');
  return json;
}

function boolean(json: unknown, path: string): boolean {
  if (typeof json !== 'boolean') throw new ScenarioError(path, 'expected a boolean');
  return json;
}

function count(json: unknown, path: string): number {
  if (typeof json !== 'number' || !Number.isInteger(json) || json < 1 || json > MAX_PARTITIONS) {
    throw new ScenarioError(path, `expected an integer from 1 to ${MAX_PARTITIONS}`);
  }
  return json;
}
