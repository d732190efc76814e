import { type AssignmentMetadata, type Assignor, type Group, type GroupAssignment, type HeartbeatMetadata, type MemberAssignment, type MemberContext } from '@kafka-assignors/core';
import { checkGroup, compareStrings } from '@kafka-assignors/core/internal';
import { resolveOptions, type ActiveStandbyOptions, type ResolvedOptions } from './active-standby-options.js';
import { readElectionMember, type ElectionMember } from './election-member.js';
import { elect, type Election } from './election.js';
import { consoleLogger, type ActiveStandbyLogger } from './logger.js';
import { encodeMemberUserData } from './member-user-data.js';
import { MemberRole } from './member-role.js';
import type { RoleState } from './role-change.js';
import { RoutedLogger } from './routed-logger.js';
import { RoleChangeListeners, type RoleChangeListener } from './role-listeners.js';
import { encodePartitionsDesignateRecord, encodeRoleRecord } from './role-record.js';

/** The protocol name members advertise in JoinGroup. */
export const ACTIVE_STANDBY_PROTOCOL = 'active-standby';

/**
 * An active-standby assignor for one member (one consumer), and that member's role API. Give each consumer
 * its own: `kafkajsAssigner` refuses to share one between consumers.
 */
export interface ActiveStandbyAssignor extends Assignor {
  subscriptionUserData(member: MemberContext): Uint8Array;
  onAssignment(assignment: MemberAssignment, metadata: AssignmentMetadata): void;
  onHeartbeat(heartbeat: HeartbeatMetadata): void;
  onLeave(): void;
  /** Logs through `logger`, the adapter's, from now on, unless the options gave a `logger`. */
  useLogger(logger: ActiveStandbyLogger): void;
  /**
   * Whether this member is active now: designated by the leader in its last rebalance (as the active, or to
   * hold topics the active does not subscribe to), and confirmed by the coordinator within the session timeout.
   */
  isActive(): boolean;
  roleState(): RoleState;
  /** This member's `name` option; `null` without one. */
  readonly memberName: string | null;
  /** Called on every change of role. Listeners run synchronously in the consumer's rebalance; one that throws or rejects is logged. */
  on(event: 'roleChange', listener: RoleChangeListener): ActiveStandbyAssignor;
  off(event: 'roleChange', listener: RoleChangeListener): ActiveStandbyAssignor;
}

/**
 * `active-standby`: every partition of the topics the active member subscribes to goes to that one member;
 * every other member gets an empty assignment (with the role record that tells it so). See the README for
 * the election, the formats, the role events and fencing.
 */
export function activeStandbyAssignor(options: ActiveStandbyOptions = {}): ActiveStandbyAssignor {
  const settings = resolveOptions(options);
  const logger = new RoutedLogger(settings.logger, consoleLogger);
  const listeners = new RoleChangeListeners(logger);
  const member = new MemberRole(settings.clock, settings.leaseMarginMs, listeners, logger);

  // Methods are the object's own and never use `this`, so that an assignor spread into a decorator
  // (`{ ...assignor, assign }`) keeps working.
  const assignor: ActiveStandbyAssignor = {
    name: ACTIVE_STANDBY_PROTOCOL,
    rebalanceProtocols: ['eager'],
    commonAssignmentUserData: encodePartitionsDesignateRecord(),
    subscriptionUserData: (context) => {
      const eligible = eligibleNow(settings, logger);
      member.joining(eligible);
      return encodeMemberUserData({
        eligible,
        preempt: settings.preempt,
        priority: settings.priority,
        name: settings.name,
        lastRebalance: context.memberId === null ? null : { memberId: context.memberId, generationId: context.generationId },
        ...member.memoryOf(context),
        heldTopics: [...new Set(context.assignment.filter(({ partitions }) => partitions.length > 0).map(({ topic }) => topic))],
      });
    },
    assign: (group) => {
      checkGroup(group, ACTIVE_STANDBY_PROTOCOL);
      const members = group.members.map(readElectionMember);
      for (const { memberId, unreadable } of members) {
        if (unreadable !== null) {
          logger.warn(`Member ${memberId} sent active-standby user data that cannot be read; it ranks last and claims nothing`, {
            memberId,
            reason: unreadable,
          });
        }
      }
      const election = elect(members, (topic) => group.topics.has(topic));
      logDecision(logger, election, members);
      return assignmentOf(election, members, group);
    },
    onAssignment: (assignment, metadata) => member.assigned(assignment, metadata),
    onHeartbeat: (heartbeat) => member.heartbeatAccepted(heartbeat),
    onLeave: () => member.left(),
    useLogger: (adapterLogger) => logger.useAdapterLogger(adapterLogger),
    isActive: () => member.isActive(),
    roleState: () => member.state(),
    memberName: settings.name,
    on: (event, listener) => {
      checkEvent(event);
      listeners.add(listener);
      return assignor;
    },
    off: (event, listener) => {
      checkEvent(event);
      listeners.delete(listener);
      return assignor;
    },
  };
  return assignor;
}

function eligibleNow({ eligible }: ResolvedOptions, logger: ActiveStandbyLogger): boolean {
  try {
    return eligible();
  } catch (error) {
    logger.error('The eligible option threw; this member joins as not eligible', { error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}

function logDecision(logger: ActiveStandbyLogger, { active, reason, holders }: Election, members: readonly ElectionMember[]): void {
  if (active === null) {
    logger.warn('No member of the group is eligible to be active; nothing is assigned', { members: members.length });
    return;
  }
  const coveringMembers = [...new Set([...holders.values()].filter((memberId) => memberId !== active.memberId))];
  logger.info(`Active member: ${active.memberId} (${reason})`, {
    activeMemberId: active.memberId,
    activeName: active.name,
    reason,
    members: members.length,
    eligibleMembers: members.filter(({ eligible }) => eligible).length,
    coveringMembers,
  });
}

function assignmentOf(election: Election, members: readonly ElectionMember[], group: Group): GroupAssignment {
  const topicsByMember = new Map<string, string[]>();
  for (const [topic, memberId] of election.holders) {
    const topics = topicsByMember.get(memberId);
    if (topics === undefined) topicsByMember.set(memberId, [topic]);
    else topics.push(topic);
  }
  const activeMemberId = election.active?.memberId ?? null;
  const activeName = election.active?.name ?? null;
  return new Map(
    members.map(({ memberId }) => {
      const topics = (topicsByMember.get(memberId) ?? []).sort(compareStrings);
      const designation = memberId === activeMemberId ? 'active' : topics.length > 0 ? 'covering' : 'standby';
      const partitions = topics.map((topic) => ({ topic, partitions: allPartitions(group.topics.get(topic)?.partitionCount ?? 0) }));
      return [memberId, { partitions, userData: encodeRoleRecord({ designation, reason: election.reason, activeMemberId, activeName }) }];
    }),
  );
}

function allPartitions(partitionCount: number): number[] {
  return Array.from({ length: partitionCount }, (_, partition) => partition);
}

function checkEvent(event: string): void {
  if (event !== 'roleChange') throw new TypeError(`active-standby assignors emit "roleChange" only, not "${event}"`);
}
