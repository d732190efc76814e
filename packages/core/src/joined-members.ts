import type { AssignorLogger } from './assignor.js';
import { ConsumerProtocolError, decodeSubscription } from './codec/index.js';
import type { GroupMember } from './model.js';

/** A member of a JoinGroup response, as an adapter's client hands it over: ids and the subscription bytes. */
export interface JoinedMember {
  readonly memberId: string;
  readonly groupInstanceId?: string | null | undefined;
}

/**
 * The members of a JoinGroup response without repeats of a member id or group instance id, which assignors
 * refuse (MalformedGroupError). A broker sends none; were one to, only the repeating member would be left out
 * of the assignment, logged, rather than the whole group.
 */
export function distinctMembers<M extends JoinedMember>(members: readonly M[], logger: AssignorLogger, protocol: string): M[] {
  const memberIds = new Set<string>();
  const groupInstanceIds = new Set<string>();
  return members.filter(({ memberId, groupInstanceId = null }) => {
    const repeated = memberIds.has(memberId) ? 'member id' : groupInstanceId !== null && groupInstanceIds.has(groupInstanceId) ? 'group instance id' : null;
    if (repeated !== null) {
      logger.error(`Member ${memberId} repeats the ${repeated} of an earlier member of the JoinGroup response; it is left out of this generation's assignment`, {
        memberId,
        groupInstanceId,
        protocol,
      });
      return false;
    }
    memberIds.add(memberId);
    if (groupInstanceId !== null) groupInstanceIds.add(groupInstanceId);
    return true;
  });
}

/** The member with its subscription decoded; none, logged, when the bytes cannot be read: it gets no partitions. */
export function readJoinedMember({ memberId, groupInstanceId = null }: JoinedMember, subscription: Uint8Array, logger: AssignorLogger, protocol: string): GroupMember[] {
  try {
    return [{ memberId, groupInstanceId, subscription: decodeSubscription(subscription) }];
  } catch (error) {
    if (!(error instanceof ConsumerProtocolError)) throw error;
    logger.error(`Member ${memberId} sent a subscription that cannot be read; it gets no partitions this generation`, {
      memberId,
      protocol,
      field: error.field,
      offset: error.offset,
      reason: error.message,
    });
    return [];
  }
}
