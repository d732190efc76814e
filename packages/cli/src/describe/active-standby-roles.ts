import { describeActiveStandbyGroup, type ActiveStandbyMemberView } from '@kafka-assignors/assignor-active-standby';
import type { DescribedGroupBytes } from './describe-groups-request.js';
import type { ActiveStandbyMember, ActiveStandbySummary } from './group-description.js';

export interface ActiveStandbyRoles {
  readonly summary: ActiveStandbySummary;
  /** By member id. */
  readonly members: ReadonlyMap<string, ActiveStandbyMember>;
}

/** Who is active in an active-standby group, and each member's settings, as the assignor package reads them. */
export async function activeStandbyRoles(group: DescribedGroupBytes): Promise<ActiveStandbyRoles> {
  // The group is described already, and is not Dead: nothing needs listing.
  const described = { describeGroups: () => Promise.resolve({ groups: [group] }), listGroups: () => Promise.resolve({ groups: [] }) };
  const view = await describeActiveStandbyGroup(described, group.groupId);
  const members = new Map<string, ActiveStandbyMember>();
  const add = (role: ActiveStandbyMember['role']) => (member: ActiveStandbyMemberView) => {
    members.set(member.memberId, { role, name: member.name, priority: member.priority, eligible: member.eligible });
  };
  if (view.active !== null) add('active')(view.active);
  view.covering.forEach(add('covering'));
  view.standbys.forEach(add('standby'));
  return { summary: { activeMemberId: view.active?.memberId ?? null }, members };
}
