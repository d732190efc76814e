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
    const path = `topics.get(${JSON.stringify(name)})`;
    if (!isRecord(metadata)) throw refuse(path, `must be the topic's metadata ({ partitionCount, replicaRacks? }), not ${describeValue(metadata)}`);
    const { partitionCount, replicaRacks } = metadata;
    if (typeof partitionCount !== 'number' || !Number.isInteger(partitionCount) || partitionCount < 0 || partitionCount > INT32_MAX) {
      throw refuse(`${path}.partitionCount`, `must be an integer from 0 to ${INT32_MAX}, not ${describeValue(partitionCount)}`);
    }
    if (replicaRacks !== undefined && !Array.isArray(replicaRacks)) {
      throw refuse(`${path}.replicaRacks`, `must be absent or an array (the racks of each partition's replicas), not ${describeValue(replicaRacks)}`);
    }
  }
}

function checkMembers(members: unknown, assignorName: string): void {
  const refuse = refusal(assignorName, null);
  if (!Array.isArray(members)) throw refuse('members', `must be an array, not ${describeValue(members)}`);
  const positionOfMemberId = new Map<string, number>();
  const positionOfInstanceId = new Map<string, number>();
  members.forEach((member: unknown, position) => {
    const path = `members[${position}]`;
    if (!isRecord(member)) throw refuse(path, `must be a member ({ memberId, groupInstanceId, subscription }), not ${describeValue(member)}`);
    const { memberId, groupInstanceId, subscription } = member;
    if (typeof memberId !== 'string' || memberId === '') throw refuse(`${path}.memberId`, `must be a non-empty string, not ${describeValue(memberId)}`);
    const refuseMember = refusal(assignorName, memberId);
    const refuseField: Refusal = (field, problem) => refuseMember(`${path}.${field}`, problem);

    const earlier = positionOfMemberId.get(memberId);
    if (earlier !== undefined) throw refuseField('memberId', `is also the member id of members[${earlier}]`);
    positionOfMemberId.set(memberId, position);
    if (groupInstanceId !== null) {
      if (typeof groupInstanceId !== 'string') throw refuseField('groupInstanceId', `must be a string or null, not ${describeValue(groupInstanceId)}`);
      const earlierInstance = positionOfInstanceId.get(groupInstanceId);
      if (earlierInstance !== undefined) throw refuseField('groupInstanceId', `is also the group instance id of members[${earlierInstance}]`);
      positionOfInstanceId.set(groupInstanceId, position);
    }
    checkSubscription(subscription, refuseField);
  });
}

function checkSubscription(subscription: unknown, refuse: Refusal): void {
  if (!isRecord(subscription)) {
    throw refuse('subscription', `must be an object (topics, userData, ownedPartitions, generationId, rackId), not ${describeValue(subscription)}`);
  }
  const { topics, userData, ownedPartitions, generationId, rackId } = subscription;
  if (!Array.isArray(topics)) throw refuse('subscription.topics', `must be an array of topic names, not ${describeValue(topics)}`);
  for (let index = 0; index < topics.length; index++) {
    const topic: unknown = topics[index];
    if (typeof topic !== 'string') throw refuse(`subscription.topics[${index}]`, `must be a topic name (a string), not ${describeValue(topic)}`);
  }
  if (userData !== null && !(userData instanceof Uint8Array)) {
    throw refuse('subscription.userData', `must be a Uint8Array or null, not ${describeValue(userData)}`);
  }
  if (!Array.isArray(ownedPartitions)) {
    throw refuse('subscription.ownedPartitions', `must be an array (empty when the member reports none), not ${describeValue(ownedPartitions)}`);
  }
  ownedPartitions.forEach((owned: unknown, index) => {
    if (!isRecord(owned) || typeof owned.topic !== 'string' || !Array.isArray(owned.partitions)) {
      throw refuse(`subscription.ownedPartitions[${index}]`, `must be { topic: string, partitions: number[] }, not ${describeValue(owned)}`);
    }
  });
  if (typeof generationId !== 'number' || !Number.isInteger(generationId) || generationId < INT32_MIN || generationId > INT32_MAX) {
    throw refuse('subscription.generationId', `must be a 32-bit integer (-1 when unknown), not ${describeValue(generationId)}`);
  }
  if (rackId !== null && typeof rackId !== 'string') throw refuse('subscription.rackId', `must be a string or null, not ${describeValue(rackId)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isMapLike(value: unknown): value is ReadonlyMap<unknown, unknown> {
  return isRecord(value) && typeof value.get === 'function' && typeof value.has === 'function' && typeof (value as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function';
}
