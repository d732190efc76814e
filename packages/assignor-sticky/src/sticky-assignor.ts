import type { Assignor, MemberContext } from '@kafka-assignors/core';
import { readStickyClaims } from './sticky-claims.js';
import { assignSticky } from './sticky-assignment.js';
import { encodeStickyUserData } from './sticky-user-data.js';

/**
 * The `sticky` protocol (eager): members put their previous assignment and its generation in their user data,
 * in the Java client's StickyAssignor format, and the leader keeps as much of it as balance allows. See the
 * package README for the algorithm, what it guarantees, and its cost.
 */
export function stickyAssignor(): Assignor {
  return {
    name: 'sticky',
    rebalanceProtocols: ['eager'],
    subscriptionUserData: stickyUserData,
    assign: (group) => assignSticky(group, { readClaims: readStickyClaims }),
  };
}

/** As Java writes it: nothing before the member's first assignment, then that assignment and its generation. */
function stickyUserData({ assignment, generationId }: MemberContext): Uint8Array | null {
  if (generationId < 0 && assignment.length === 0) return null;
  return encodeStickyUserData(assignment, generationId);
}
