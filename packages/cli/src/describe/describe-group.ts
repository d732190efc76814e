import { ACTIVE_STANDBY_PROTOCOL } from '@kafka-assignors/assignor-active-standby';
import { ConsumerProtocolError, decodeAssignment, decodeSubscription } from '@kafka-assignors/core';
import { compareStrings } from '@kafka-assignors/core/internal';
import { activeStandbyRoles, type ActiveStandbyRoles } from './active-standby-roles.js';
import type { DescribedGroupBytes, DescribedMemberBytes } from './describe-groups-request.js';
import type { AssignmentDescription, GroupDescription, MemberDescription, RawBytes, SubscriptionDescription, UnreadableBytes } from './group-description.js';
import { rawBytes } from './raw-bytes.js';
import { assignmentUserData, subscriptionUserData } from './user-data.js';

/** The protocol type of consumer groups, whose members' bytes follow the consumer protocol. */
const CONSUMER_PROTOCOL_TYPE = 'consumer';

/**
 * Decodes what the coordinator said about a group: each member's subscription and assignment in the consumer
 * protocol, their user data in the format of the group's protocol where it is known, and for active-standby
 * groups who is active. Bytes that cannot be read are shown with where reading failed; they never stop the rest.
 */
export async function describeGroup(group: DescribedGroupBytes): Promise<GroupDescription> {
  const roles = group.protocol === ACTIVE_STANDBY_PROTOCOL ? await activeStandbyRoles(group) : null;
  const members = [...group.members]
    .sort((a, b) => compareStrings(a.memberId, b.memberId))
    .map((member) => describeMember(member, group, roles));
  return {
    groupId: group.groupId,
    state: group.state,
    protocolType: group.protocolType,
    protocol: group.protocol,
    members,
    ...(roles === null ? {} : { activeStandby: roles.summary }),
  };
}

function describeMember(member: DescribedMemberBytes, group: DescribedGroupBytes, roles: ActiveStandbyRoles | null): MemberDescription {
  const role = roles?.members.get(member.memberId);
  return {
    memberId: member.memberId,
    groupInstanceId: member.groupInstanceId,
    clientId: member.clientId,
    clientHost: member.clientHost,
    subscription: readBytes(member.memberMetadata, group, describeSubscription),
    assignment: readBytes(member.memberAssignment, group, describeAssignment),
    ...(role === undefined ? {} : { activeStandby: role }),
  };
}

function readBytes<T>(bytes: Uint8Array, group: DescribedGroupBytes, describe: (bytes: Uint8Array, protocol: string) => T): T | UnreadableBytes | RawBytes | null {
  // The coordinator reports members' bytes only while the group is Stable.
  if (bytes.byteLength === 0) return null;
  if (group.protocolType !== CONSUMER_PROTOCOL_TYPE) return rawBytes(bytes);
  try {
    return describe(bytes, group.protocol);
  } catch (error) {
    if (!(error instanceof ConsumerProtocolError)) throw error;
    const { field, offset, reason, message } = error;
    return { ...rawBytes(bytes), error: { field, offset, reason, message } };
  }
}

function describeSubscription(bytes: Uint8Array, protocol: string): SubscriptionDescription {
  const { version, topics, ownedPartitions, generationId, rackId, userData } = decodeSubscription(bytes);
  return { version, topics, ownedPartitions, generationId, rackId, userData: subscriptionUserData(protocol, userData) };
}

function describeAssignment(bytes: Uint8Array, protocol: string): AssignmentDescription {
  const { version, partitions, userData } = decodeAssignment(bytes);
  return { version, partitions, userData: assignmentUserData(protocol, userData) };
}
