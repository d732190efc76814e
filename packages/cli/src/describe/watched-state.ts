import type { GroupDescription } from './group-description.js';

/** What `describe --watch` follows of a group; a line is printed whenever the active member, protocol or members change. */
export interface WatchedState {
  /** The coordinator's state of the group: printed, but a change of it alone prints no line. */
  readonly state: string;
  /** The protocol the group's members agreed on, i.e. the one the leader assigned with; empty while rebalancing. */
  readonly protocol: string;
  /** Member ids, in member id order. */
  readonly members: readonly string[];
  /** The active member of an active-standby group; `null` in any other group, and while none is designated. */
  readonly active: string | null;
}

export function watchedState(group: GroupDescription): WatchedState {
  return {
    state: group.state,
    protocol: group.protocol,
    members: group.members.map(({ memberId }) => memberId),
    active: group.activeStandby?.activeMemberId ?? null,
  };
}

/** Whether `next` is worth a line after `previous`: another active member, protocol or membership. */
export function watchedStateChanged(previous: WatchedState, next: WatchedState): boolean {
  return (
    previous.active !== next.active ||
    previous.protocol !== next.protocol ||
    previous.members.length !== next.members.length ||
    previous.members.some((memberId, index) => next.members[index] !== memberId)
  );
}
