import type { MemberUserData, RoleRecord } from '@kafka-assignors/assignor-active-standby';
import type { StickyUserData } from '@kafka-assignors/assignor-sticky';
import type { TopicPartitions } from '@kafka-assignors/core';

/**
 * A consumer group as `kafka-assignors describe` shows it; `--json` prints exactly this (the package README
 * documents it). Bytes are lowercase hex.
 */
export interface GroupDescription {
  readonly groupId: string;
  readonly state: string;
  readonly protocolType: string;
  /** The assignor the group runs; empty unless the group is Stable. */
  readonly protocol: string;
  /** In member id order. */
  readonly members: readonly MemberDescription[];
  /** Only for groups whose protocol is `active-standby`. */
  readonly activeStandby?: ActiveStandbySummary;
}

export interface MemberDescription {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  /** `null` when the coordinator reports none: the group is not Stable. */
  readonly subscription: SubscriptionDescription | UnreadableBytes | RawBytes | null;
  /** `null` when the coordinator reports none: the group is not Stable. */
  readonly assignment: AssignmentDescription | UnreadableBytes | RawBytes | null;
  /** Only in `active-standby` groups. */
  readonly activeStandby?: ActiveStandbyMember;
}

/** Bytes shown as they are: those of groups whose protocol type is not `consumer`, or user data of an unknown format. */
export interface RawBytes {
  readonly length: number;
  readonly hex: string;
}

/** A subscription or assignment that does not follow the consumer protocol: where reading it failed, and the bytes. */
export interface UnreadableBytes extends RawBytes {
  readonly error: { readonly field: string; readonly offset: number; readonly reason: string; readonly message: string };
}

export interface SubscriptionDescription {
  readonly version: number;
  readonly topics: readonly string[];
  readonly ownedPartitions: readonly TopicPartitions[];
  /** The member's generation when it joined, i.e. of its previous rebalance; -1 for none or before version 2. */
  readonly generationId: number;
  readonly rackId: string | null;
  readonly userData: UserDataDescription | null;
}

export interface AssignmentDescription {
  readonly version: number;
  /** In the order of the bytes. */
  readonly partitions: readonly TopicPartitions[];
  readonly userData: UserDataDescription | null;
}

export interface UserDataDescription extends RawBytes {
  /** What the bytes say, in the format of the group's protocol; absent when that format is unknown or the bytes do not follow it. */
  readonly decoded?: DecodedUserData;
  /** Why the bytes do not follow the format of the group's protocol. */
  readonly unreadable?: string;
}

/** User data as the packages of its protocol read it, with the name of its format. */
export type DecodedUserData =
  | ({ readonly format: 'sticky' } & StickyUserData)
  | { readonly format: 'cooperative-sticky'; readonly generation: number }
  | ({ readonly format: 'active-standby-member' } & MemberUserData)
  | ({ readonly format: 'active-standby-role' } & RoleRecord);

export interface ActiveStandbySummary {
  /** The member designated active; `null` when there is none or the group is rebalancing. */
  readonly activeMemberId: string | null;
}

export interface ActiveStandbyMember {
  /** `covering`: it holds topics the active does not subscribe to. */
  readonly role: 'active' | 'covering' | 'standby';
  /** Its configured name, else its group instance id; `null` for neither, or when its user data cannot be read. */
  readonly name: string | null;
  /** `null` when its user data cannot be read. */
  readonly priority: number | null;
  readonly eligible: boolean | null;
}
