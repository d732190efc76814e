import { compareStrings } from './compare-strings.js';
import type { GroupMember } from './model.js';

/**
 * The order in which the Java client's range and round-robin assignors visit members: static members
 * (with a group instance id) first, by instance id; then dynamic members, by member id. Strings compare by
 * UTF-16 code units, as Java's String.compareTo does (never localeCompare).
 */
export function compareJavaMemberOrder(a: GroupMember, b: GroupMember): number {
  if (a.groupInstanceId !== null && b.groupInstanceId !== null) return compareStrings(a.groupInstanceId, b.groupInstanceId);
  if (a.groupInstanceId !== null) return -1;
  if (b.groupInstanceId !== null) return 1;
  return compareStrings(a.memberId, b.memberId);
}
