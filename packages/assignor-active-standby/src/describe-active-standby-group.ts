import { ConsumerProtocolError, decodeAssignment, decodeSubscription, type TopicPartitions } from '@kafka-assignors/core';
import { compareStrings } from '@kafka-assignors/core/internal';
import { ActiveStandbyDataError } from './active-standby-data-error.js';
import { ACTIVE_STANDBY_PROTOCOL } from './active-standby-assignor.js';
import { decodeMemberUserData, type MemberUserData } from './member-user-data.js';
import { decodeRoleRecord, designationOf, type Designation } from './role-record.js';

/** The part of a KafkaJS admin client (`kafka.admin()`) that `describeActiveStandbyGroup` uses. */
export interface DescribeGroupsAdmin {
  describeGroups(groupIds: string[]): Promise<{ readonly groups: readonly DescribedGroup[] }>;
  /** Asked only when DescribeGroups reports the group Dead, to tell a missing group from a consumer-protocol one. */
  listGroups(): Promise<{ readonly groups: readonly { readonly groupId: string; readonly protocolType: string }[] }>;
}

/** The group exists but is no active-standby group: it runs another protocol, or it is a KIP-848 consumer-protocol group. */
export class NotActiveStandbyGroupError extends Error {
  override readonly name = 'NotActiveStandbyGroupError';

  constructor(
    readonly groupId: string,
    /** `classic` with the protocol its members run, or `consumer` for a KIP-848 group, whose partitions the broker assigns. */
    readonly group: { readonly type: 'classic'; readonly protocol: string } | { readonly type: 'consumer' },
  ) {
    super(
      group.type === 'classic'
        ? `group ${groupId} runs the ${group.protocol} protocol, not ${ACTIVE_STANDBY_PROTOCOL}`
        : `group ${groupId} is a consumer-protocol group (KIP-848): its members use group.protocol=consumer and the broker assigns their partitions, so it has no active-standby roles`,
    );
  }
}

export interface DescribedGroup {
  readonly groupId: string;
  readonly state: string;
  readonly protocol: string;
  readonly members: readonly DescribedMember[];
}

/** A member as DescribeGroups returns it: its subscription and its assignment, as bytes. */
export interface DescribedMember {
  readonly memberId: string;
  readonly clientId: string;
  readonly clientHost: string;
  readonly memberMetadata: Uint8Array;
  readonly memberAssignment: Uint8Array;
  /** Not reported by KafkaJS 2.x, which reads DescribeGroups versions without it. */
  readonly groupInstanceId?: string | null;
}

export interface ActiveStandbyMemberView {
  readonly memberId: string;
  readonly clientId: string;
  readonly clientHost: string;
  readonly groupInstanceId: string | null;
  /** Its configured name, else its group instance id; `null` when it has neither or its user data cannot be read. */
  readonly name: string | null;
  /** `null` when its user data cannot be read. */
  readonly priority: number | null;
  readonly eligible: boolean | null;
  /** What its role record says; `null` when it has none that can be read (during a rebalance, for one). */
  readonly designation: Designation | null;
  readonly partitions: readonly TopicPartitions[];
}

/** Who is active in an active-standby group, as the coordinator knows it now. */
export interface ActiveStandbyGroupView {
  readonly groupId: string;
  /** The coordinator's group state: `Stable` when the roles below are settled. */
  readonly state: string;
  /** The member designated active; `null` when there is none or a rebalance is under way. */
  readonly active: ActiveStandbyMemberView | null;
  /** Members holding topics the active does not subscribe to (different subscriptions). */
  readonly covering: readonly ActiveStandbyMemberView[];
  readonly standbys: readonly ActiveStandbyMemberView[];
}

/**
 * Finds the active member of `groupId` from any process, through `admin.describeGroups`: each member's
 * settings come from the user data of its subscription, its designation from the role record of its
 * assignment. Bytes that cannot be read leave the fields they carry `null`, they do not fail the call.
 * A group that does not exist comes back `Dead`, with no members. Throws NotActiveStandbyGroupError if the group
 * runs another protocol than active-standby, or is a KIP-848 consumer-protocol group (Kafka 4.x), which
 * DescribeGroups also reports as Dead.
 */
export async function describeActiveStandbyGroup(admin: DescribeGroupsAdmin, groupId: string): Promise<ActiveStandbyGroupView> {
  const { groups } = await admin.describeGroups([groupId]);
  const group = groups.find((candidate) => candidate.groupId === groupId);
  if (group === undefined) throw new Error(`describeGroups returned no description of group ${groupId}`);
  if (group.protocol !== '' && group.protocol !== ACTIVE_STANDBY_PROTOCOL) {
    throw new NotActiveStandbyGroupError(groupId, { type: 'classic', protocol: group.protocol });
  }
  if (group.state === 'Dead' && (await admin.listGroups()).groups.some((listed) => listed.groupId === groupId)) {
    throw new NotActiveStandbyGroupError(groupId, { type: 'consumer' });
  }
  const members = group.members.map(memberView).sort((a, b) => compareStrings(a.memberId, b.memberId));
  const holds = (member: ActiveStandbyMemberView) => member.partitions.some(({ partitions }) => partitions.length > 0);
  const isCovering = (member: ActiveStandbyMemberView) => member.designation === 'covering' || (member.designation === null && holds(member));
  return {
    groupId,
    state: group.state,
    active: members.find((member) => member.designation === 'active') ?? null,
    covering: members.filter(isCovering),
    standbys: members.filter((member) => member.designation !== 'active' && !isCovering(member)),
  };
}

function memberView(member: DescribedMember): ActiveStandbyMemberView {
  const groupInstanceId = member.groupInstanceId ?? null;
  const settings = readSettings(member.memberMetadata);
  const { partitions, designation } = readAssignment(member.memberAssignment);
  return {
    memberId: member.memberId,
    clientId: member.clientId,
    clientHost: member.clientHost,
    groupInstanceId,
    name: settings === null ? null : (settings.name ?? groupInstanceId),
    priority: settings?.priority ?? null,
    eligible: settings?.eligible ?? null,
    designation,
    partitions,
  };
}

function readSettings(memberMetadata: Uint8Array): MemberUserData | null {
  return unlessUnreadable(() => {
    const { userData } = decodeSubscription(memberMetadata);
    return userData === null ? null : decodeMemberUserData(userData);
  });
}

function readAssignment(memberAssignment: Uint8Array): { partitions: readonly TopicPartitions[]; designation: Designation | null } {
  // Members get empty assignment bytes while the group rebalances.
  const assignment = memberAssignment.byteLength === 0 ? null : unlessUnreadable(() => decodeAssignment(memberAssignment));
  if (assignment === null) return { partitions: [], designation: null };
  const { userData } = assignment;
  const record = userData === null ? null : unlessUnreadable(() => decodeRoleRecord(userData));
  const held = assignment.partitions.reduce((count, { partitions }) => count + partitions.length, 0);
  return { partitions: assignment.partitions, designation: record === null ? null : designationOf(record, held) };
}

function unlessUnreadable<T>(read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (error instanceof ConsumerProtocolError || error instanceof ActiveStandbyDataError) return null;
    throw error;
  }
}
