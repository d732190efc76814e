import type { AssignorLogger } from './assignor.js';
import { ConsumerProtocolError, decodeAssignment } from './codec/index.js';
import type { MemberAssignment } from './model.js';

const NO_PARTITIONS: MemberAssignment = { partitions: [], userData: null };

/**
 * The assignment a member received in its SyncGroup response, for its assignor's `onAssignment`. Empty bytes
 * (the broker sends them to members the leader left out) are no partitions; bytes that cannot be read are
 * logged, with the field and the byte, and are no partitions either.
 */
export function readReceivedAssignment(bytes: Uint8Array, memberId: string, logger: AssignorLogger): MemberAssignment {
  if (bytes.length < 2) return NO_PARTITIONS;
  try {
    return decodeAssignment(bytes);
  } catch (error) {
    if (!(error instanceof ConsumerProtocolError)) throw error;
    logger.error(`The assignment received by member ${memberId} cannot be read; its assignor is told of no partitions`, {
      memberId,
      field: error.field,
      offset: error.offset,
      reason: error.message,
    });
    return NO_PARTITIONS;
  }
}
