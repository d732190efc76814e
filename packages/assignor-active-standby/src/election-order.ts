import { compareStrings } from '@kafka-assignors/core/internal';
import type { ElectionMember } from './election-member.js';

/**
 * The order in which members are chosen when no claim decides: readable user data first, then the highest
 * priority, then named members before unnamed ones and names in ascending order, then the member id.
 * Names and ids compare by UTF-16 code units, the same in every process.
 */
export function compareElectionOrder(a: ElectionMember, b: ElectionMember): number {
  if ((a.unreadable === null) !== (b.unreadable === null)) return a.unreadable === null ? -1 : 1;
  if (a.priority !== b.priority) return b.priority - a.priority;
  if ((a.name === null) !== (b.name === null)) return a.name === null ? 1 : -1;
  return compareStrings(a.name ?? '', b.name ?? '') || compareStrings(a.memberId, b.memberId);
}
