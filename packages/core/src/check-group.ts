import { describeValue } from './describe-value.js';
import { MalformedGroupError } from './malformed-group-error.js';
import type { Group } from './model.js';

const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;

type Refusal = (field: string, problem: string) => MalformedGroupError;

/**
 * Refuses a group that does not have the shape of `Group`, with a MalformedGroupError naming the assignor, the
 * first offending value and its member: what a JavaScript caller can get wrong, and what the assignors would
 * otherwise turn silently into a wrong result (a repeated member id loses its partitions) or a late, raw error.
 *
 * It reads each member, topic and subscribed topic once, and no partition: O(members + topics + subscriptions),
 * whatever the partition count. So the partitions of an owned list and the racks of each partition's replicas
 * are not looked into; the assignors skip partitions that do not exist.
 */
export function checkGroup(group: Group, assignorName: string): void {
  const refuse = refusal(assignorName, null);
  if (!isRecord(group)) throw refuse('group', `must be an object with members and topics, not ${describeValue(group)}`);
  checkTopics(group.topics, refuse);
  checkMembers(group.members, assignorName);
}

function refusal(assignorName: string, memberId: string | null): Refusal {
  return (field, problem) => new MalformedGroupError(assignorName, field, problem, memberId);
}

function checkTopics(topics: unknown, refuse: Refusal): void {
  if (!isMapLike(topics)) throw refuse('topics', `must be a Map from topic name to the topic's metadata, not ${describeValue(topics)}`);
  for (const [name, metadata] of topics) {
    if (typeof name !== 'string') throw refuse('topics', `has the key ${describeValue(name)}, which is not a topic name (a string)`);
    if (!isRecord(metadata)) throw refuse(topicPath(name), `must be the topic's metadata ({ partitionCount, replicaRacks? }), not ${describeValue(metadata)}`);
    const { partitionCount, replicaRacks } = metadata;
    if (typeof partitionCount !== 'number' || !Number.isInteger(partitionCount) || partitionCount < 0 || partitionCount > INT32_MAX) {
      throw refuse(`${topicPath(name)}.partitionCount`, `must be an integer from 0 to ${INT32_MAX}, not ${describeValue(partitionCount)}`);
    }
    if (replicaRacks !== undefined && !Array.isArray(replicaRacks)) {
      throw refuse(`${topicPath(name)}.replicaRacks`, `must be absent or an array (the racks of each partition's replicas), not ${describeValue(replicaRacks)}`);
    }
  }
}

function topicPath(name: string): string {
  return `topics.get(${JSON.stringify(name)})`;
}

function checkMembers(members: unknown, assignorName: string): void {
  if (!Array.isArray(members)) throw refusal(assignorName, null)('members', `must be an array, not ${describeValue(members)}`);
  const identities = new MemberIdentities();
  for (let position = 0; position < members.length; position++) {
    const member: unknown = members[position];
    if (!isRecord(member)) {
      throw refusal(assignorName, null)(`members[${position}]`, `must be a member ({ memberId, groupInstanceId, subscription }), not ${describeValue(member)}`);
    }
    const { memberId, groupInstanceId, subscription } = member;
    if (typeof memberId !== 'string' || memberId === '') {
      throw refusal(assignorName, null)(`members[${position}].memberId`, `must be a non-empty string, not ${describeValue(memberId)}`);
    }
    const problem = identities.problemOf(memberId, groupInstanceId, position) ?? subscriptionProblem(subscription);
    if (problem !== null) throw new MalformedGroupError(assignorName, `members[${position}].${problem.field}`, problem.problem, memberId);
  }
}

/** What is wrong with a member, as data: building a refusal for every member would cost more than the checks in a large group. */
interface FieldProblem {
  readonly field: string;
  readonly problem: string;
}

/** The member ids and group instance ids seen so far, each with the position of the member that has it. */
class MemberIdentities {
  private readonly positionOfMemberId = new Map<string, number>();
  private readonly positionOfInstanceId = new Map<string, number>();

  /** What is wrong with the member at `position`'s ids (one an earlier member already has, an instance id that is no string), or null. */
  problemOf(memberId: string, groupInstanceId: unknown, position: number): FieldProblem | null {
    const earlier = this.positionOfMemberId.get(memberId);
    if (earlier !== undefined) return { field: 'memberId', problem: `is also the member id of members[${earlier}]` };
    this.positionOfMemberId.set(memberId, position);
    if (groupInstanceId === null) return null;
    if (typeof groupInstanceId !== 'string') return { field: 'groupInstanceId', problem: `must be a string or null, not ${describeValue(groupInstanceId)}` };
    const earlierInstance = this.positionOfInstanceId.get(groupInstanceId);
    if (earlierInstance !== undefined) return { field: 'groupInstanceId', problem: `is also the group instance id of members[${earlierInstance}]` };
    this.positionOfInstanceId.set(groupInstanceId, position);
    return null;
  }
}

function subscriptionProblem(subscription: unknown): FieldProblem | null {
  if (!isRecord(subscription)) {
    return { field: 'subscription', problem: `must be an object (topics, userData, ownedPartitions, generationId, rackId), not ${describeValue(subscription)}` };
  }
  const { topics, userData, ownedPartitions, generationId, rackId } = subscription;
  if (!Array.isArray(topics)) return { field: 'subscription.topics', problem: `must be an array of topic names, not ${describeValue(topics)}` };
  for (let index = 0; index < topics.length; index++) {
    const topic: unknown = topics[index];
    if (typeof topic !== 'string') return { field: `subscription.topics[${index}]`, problem: `must be a topic name (a string), not ${describeValue(topic)}` };
  }
  if (userData !== null && !(userData instanceof Uint8Array)) {
    return { field: 'subscription.userData', problem: `must be a Uint8Array or null, not ${describeValue(userData)}` };
  }
  if (!Array.isArray(ownedPartitions)) {
    return { field: 'subscription.ownedPartitions', problem: `must be an array (empty when the member reports none), not ${describeValue(ownedPartitions)}` };
  }
  for (let index = 0; index < ownedPartitions.length; index++) {
    const owned: unknown = ownedPartitions[index];
    if (!isRecord(owned) || typeof owned.topic !== 'string' || !Array.isArray(owned.partitions)) {
      return { field: `subscription.ownedPartitions[${index}]`, problem: `must be { topic: string, partitions: number[] }, not ${describeValue(owned)}` };
    }
  }
  if (typeof generationId !== 'number' || !Number.isInteger(generationId) || generationId < INT32_MIN || generationId > INT32_MAX) {
    return { field: 'subscription.generationId', problem: `must be a 32-bit integer (-1 when unknown), not ${describeValue(generationId)}` };
  }
  if (rackId !== null && typeof rackId !== 'string') return { field: 'subscription.rackId', problem: `must be a string or null, not ${describeValue(rackId)}` };
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isMapLike(value: unknown): value is ReadonlyMap<unknown, unknown> {
  return isRecord(value) && typeof value.get === 'function' && typeof value.has === 'function' && typeof (value as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function';
}
