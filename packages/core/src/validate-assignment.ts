import type { Group, GroupAssignment, TopicMetadata } from './model.js';

/** The same partition handed out twice: to two members, or twice to one member (then both ids are equal). */
export interface PartitionAssignedTwice {
  readonly kind: 'partition-assigned-twice';
  readonly memberIds: readonly [string, string];
  readonly topic: string;
  readonly partition: number;
  readonly message: string;
}

/** A partition of an existing topic that the member does not subscribe to. */
export interface UnsubscribedTopicAssigned {
  readonly kind: 'unsubscribed-topic-assigned';
  readonly memberId: string;
  readonly topic: string;
  readonly partition: number;
  readonly message: string;
}

/** A partition of a topic absent from the group's metadata (never created, or deleted). */
export interface UnknownTopicAssigned {
  readonly kind: 'unknown-topic-assigned';
  readonly memberId: string;
  readonly topic: string;
  readonly partition: number;
  readonly message: string;
}

/** A partition index that is negative, not an integer, or not below the topic's partition count. */
export interface PartitionOutOfRange {
  readonly kind: 'partition-out-of-range';
  readonly memberId: string;
  readonly topic: string;
  readonly partition: number;
  readonly partitionCount: number;
  readonly message: string;
}

/** A group member without an entry in the result (a Java member receiving no assignment throws). */
export interface MemberMissing {
  readonly kind: 'member-missing';
  readonly memberId: string;
  readonly message: string;
}

/** An entry for a member id that is not in the group. */
export interface UnknownMember {
  readonly kind: 'unknown-member';
  readonly memberId: string;
  readonly message: string;
}

/** An existing partition of a topic that some member subscribes to, assigned to nobody. */
export interface PartitionUnassigned {
  readonly kind: 'partition-unassigned';
  readonly topic: string;
  readonly partition: number;
  readonly message: string;
}

export type AssignmentViolation =
  | PartitionAssignedTwice
  | UnsubscribedTopicAssigned
  | UnknownTopicAssigned
  | PartitionOutOfRange
  | MemberMissing
  | UnknownMember
  | PartitionUnassigned;

export interface ValidateAssignmentOptions {
  /**
   * Also report existing partitions of subscribed topics that nobody got. Off by default because a
   * cooperative round may withhold a partition on purpose while its previous owner revokes it.
   */
  readonly requireAllPartitions?: boolean;
}

const NO_OWNER = -1;

/**
 * Checks a leader's result against its input and lists every violation; an empty list means valid.
 * Entries of members that are not in the group are reported once and not inspected further: no member
 * would receive them.
 */
export function validateAssignment(
  group: Group,
  assignment: GroupAssignment,
  options: ValidateAssignmentOptions = {},
): AssignmentViolation[] {
  const violations: AssignmentViolation[] = [];
  const members = new Map<string, { readonly index: number; readonly topics: readonly string[] }>();
  group.members.forEach((member, index) => members.set(member.memberId, { index, topics: member.subscription.topics }));
  // Owner member index per partition: a million partitions stay a few megabytes and a few passes.
  const ownersByTopic = new Map<string, Int32Array>();
  const ownersOf = (topic: string, metadata: TopicMetadata): Int32Array => {
    let owners = ownersByTopic.get(topic);
    if (owners === undefined) {
      owners = new Int32Array(metadata.partitionCount).fill(NO_OWNER);
      ownersByTopic.set(topic, owners);
    }
    return owners;
  };

  for (const [memberId, memberAssignment] of assignment) {
    const member = members.get(memberId);
    if (member === undefined) {
      violations.push({ kind: 'unknown-member', memberId, message: `the result has an entry for ${memberId}, which is not a member of the group` });
      continue;
    }
    const subscribed = new Set(member.topics);
    for (const { topic, partitions } of memberAssignment.partitions) {
      const metadata = group.topics.get(topic);
      if (metadata === undefined) {
        for (const partition of partitions) {
          violations.push({
            kind: 'unknown-topic-assigned',
            memberId,
            topic,
            partition,
            message: `${memberId} is assigned ${topic}-${partition}, but topic ${topic} does not exist`,
          });
        }
        continue;
      }
      const isSubscribed = subscribed.has(topic);
      const owners = ownersOf(topic, metadata);
      for (const partition of partitions) {
        if (!Number.isInteger(partition) || partition < 0 || partition >= metadata.partitionCount) {
          violations.push({
            kind: 'partition-out-of-range',
            memberId,
            topic,
            partition,
            partitionCount: metadata.partitionCount,
            message: `${memberId} is assigned ${topic}-${partition}, but ${topic} has partitions 0 to ${metadata.partitionCount - 1}`,
          });
          continue;
        }
        if (!isSubscribed) {
          violations.push({
            kind: 'unsubscribed-topic-assigned',
            memberId,
            topic,
            partition,
            message: `${memberId} is assigned ${topic}-${partition}, but does not subscribe to ${topic}`,
          });
        }
        const previousOwner = owners[partition] ?? NO_OWNER;
        if (previousOwner === NO_OWNER) {
          owners[partition] = member.index;
        } else {
          const firstOwnerId = group.members[previousOwner]?.memberId ?? '';
          violations.push({
            kind: 'partition-assigned-twice',
            memberIds: [firstOwnerId, memberId],
            topic,
            partition,
            message:
              firstOwnerId === memberId
                ? `${topic}-${partition} is assigned twice to ${memberId}`
                : `${topic}-${partition} is assigned to both ${firstOwnerId} and ${memberId}`,
          });
        }
      }
    }
  }

  for (const { memberId } of group.members) {
    if (!assignment.has(memberId)) {
      violations.push({ kind: 'member-missing', memberId, message: `member ${memberId} has no entry in the result` });
    }
  }

  if (options.requireAllPartitions === true) {
    const subscribedTopics = new Set<string>();
    for (const member of group.members) {
      for (const topic of member.subscription.topics) subscribedTopics.add(topic);
    }
    for (const topic of subscribedTopics) {
      const metadata = group.topics.get(topic);
      if (metadata === undefined) continue;
      const owners = ownersOf(topic, metadata);
      for (let partition = 0; partition < owners.length; partition++) {
        if (owners[partition] === NO_OWNER) {
          violations.push({ kind: 'partition-unassigned', topic, partition, message: `${topic}-${partition} is assigned to nobody` });
        }
      }
    }
  }
  return violations;
}
