import type { GroupMember } from '../model.js';
import type { RackIds } from './rack-ids.js';

/** A member without a rack: it matches every partition. */
export const NO_RACK = -1;

/** Each member's rack id, `NO_RACK` when it has none; an empty rack is none, as in the Java client. */
export function memberRacks(members: readonly GroupMember[], rackIds: RackIds): Int32Array {
  const racks = new Int32Array(members.length);
  for (let member = 0; member < members.length; member++) {
    const { rackId } = members[member]!.subscription;
    racks[member] = rackId === null || rackId === '' ? NO_RACK : rackIds.idOf(rackId);
  }
  return racks;
}
