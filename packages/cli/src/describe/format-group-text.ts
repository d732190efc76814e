import type { TopicPartitions } from '@kafka-assignors/core';
import type {
  DecodedUserData,
  GroupDescription,
  MemberDescription,
  RawBytes,
  UnreadableBytes,
  UserDataDescription,
} from './group-description.js';

const LABEL_WIDTH = 15;

/** The human-readable form: a header for the group, then one block per member. */
export function formatGroupText(group: GroupDescription): string {
  const lines = [
    row('group', group.groupId),
    row('state', group.state),
    row('protocol', `${group.protocol || '-'} (protocol type ${group.protocolType || '-'})`),
    row('members', String(group.members.length)),
  ];
  if (group.activeStandby !== undefined) lines.push(row('active', activeMember(group)));
  for (const member of group.members) lines.push('', ...memberLines(member));
  return `${lines.join('\n')}\n`;
}

function activeMember({ activeStandby, members }: GroupDescription): string {
  const id = activeStandby?.activeMemberId ?? null;
  if (id === null) return 'none';
  const name = members.find((member) => member.memberId === id)?.activeStandby?.name ?? null;
  return name === null ? id : `${id} (${name})`;
}

function memberLines(member: MemberDescription): string[] {
  const lines = [
    `member ${member.memberId}`,
    row('instance id', member.groupInstanceId ?? '-', 1),
    row('client id', member.clientId, 1),
    row('client host', member.clientHost, 1),
    ...subscriptionLines(member.subscription),
    ...assignmentLines(member.assignment),
  ];
  const role = member.activeStandby;
  if (role !== undefined) {
    const settings = [`name ${role.name ?? '-'}`, `priority ${role.priority ?? 'unknown'}`, eligibility(role.eligible)];
    lines.push(row('role', `${role.role}; ${settings.join(', ')}`, 1));
  }
  return lines;
}

function subscriptionLines(subscription: MemberDescription['subscription']): string[] {
  if (subscription === null || !('version' in subscription)) return bytesLines('subscription', subscription);
  return [
    row('subscription', `v${subscription.version}, generation ${subscription.generationId}, rack ${subscription.rackId ?? '-'}`, 1),
    row('topics', subscription.topics.join(', ') || '-', 2),
    row('owned', partitions(subscription.ownedPartitions), 2),
    row('user data', userData(subscription.userData), 2),
  ];
}

function assignmentLines(assignment: MemberDescription['assignment']): string[] {
  if (assignment === null || !('version' in assignment)) return bytesLines('assignment', assignment);
  return [
    row('assignment', `v${assignment.version}`, 1),
    row('partitions', partitions(assignment.partitions), 2),
    row('user data', userData(assignment.userData), 2),
  ];
}

/** A subscription or assignment not reported, not in the consumer protocol, or unreadable. */
function bytesLines(label: string, bytes: UnreadableBytes | RawBytes | null): string[] {
  if (bytes === null) return [row(label, 'none reported (the group is not Stable)', 1)];
  if ('error' in bytes) return [row(label, `unreadable: ${bytes.error.message}`, 1), row('bytes', hex(bytes), 2)];
  return [row(label, hex(bytes), 1)];
}

function userData(data: UserDataDescription | null): string {
  if (data === null) return 'none';
  if (data.decoded !== undefined) return `${byteCount(data.length)}, ${decoded(data.decoded)}`;
  if (data.unreadable !== undefined) return `${byteCount(data.length)}, ${data.unreadable}: ${data.hex}`;
  return hex(data);
}

function decoded(data: DecodedUserData): string {
  switch (data.format) {
    case 'sticky':
      return `sticky: previous assignment ${partitions(data.partitions)}; generation ${data.generation ?? 'none (version 0)'}`;
    case 'cooperative-sticky':
      return `cooperative-sticky: generation ${data.generation}`;
    case 'active-standby-member': {
      const last = data.lastRebalance;
      const parts = [
        `priority ${data.priority}`,
        `name ${data.name ?? '-'}`,
        eligibility(data.eligible),
        ...(data.preempt ? ['preempt'] : []),
        last === null ? 'no rebalance yet' : `last rebalance as ${last.memberId} in generation ${last.generationId}`,
        ...(data.claimsActive ? ['claims the active role'] : []),
        ...(data.knewActive ? ['knew an active'] : []),
        `held ${data.heldTopics.join(', ') || '-'}`,
      ];
      return `active-standby member v${data.version}: ${parts.join(', ')}`;
    }
    case 'active-standby-role': {
      const active = data.activeMemberId === null ? 'no active' : `active ${data.activeMemberId}${data.activeName === null ? '' : ` (${data.activeName})`}`;
      return `active-standby role v${data.version}: ${data.designation} (${data.reason}), ${active}`;
    }
  }
}

function eligibility(eligible: boolean | null): string {
  if (eligible === null) return 'eligibility unknown';
  return eligible ? 'eligible' : 'not eligible';
}

function partitions(list: readonly TopicPartitions[]): string {
  return list.map(({ topic, partitions: numbers }) => `${topic} ${numbers.join(', ') || '-'}`).join('; ') || '-';
}

function hex({ length, hex: digits }: RawBytes): string {
  return `${byteCount(length)}: ${digits}`;
}

function byteCount(length: number): string {
  return length === 1 ? '1 byte' : `${length} bytes`;
}

function row(label: string, value: string, depth = 0): string {
  const indent = '  '.repeat(depth);
  return `${indent}${label.padEnd(LABEL_WIDTH - indent.length)} ${value}`;
}
