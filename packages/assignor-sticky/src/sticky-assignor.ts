import type { Assignor, MemberContext } from '@kafka-assignors/core';
import { checkGroup, checkNoOptions } from '@kafka-assignors/core/internal';
import { readStickyClaims } from './sticky-claims.js';
import { assignSticky } from './sticky-assignment.js';
import { encodeStickyUserData } from './sticky-user-data.js';

const PROTOCOL = 'sticky';

/**
 * The `sticky` protocol (eager): members put their previous assignment and its generation in their user data,
 * in the Java client's StickyAssignor format, and the leader keeps as much of it as balance allows. See the
 * package README for the algorithm, what it guarantees, and its cost. It takes no options: anything passed is
 * refused (InvalidArgumentError), as is a malformed group passed to `assign` (MalformedGroupError).
 */
export function stickyAssignor(options?: never): Assignor {
  checkNoOptions('stickyAssignor', options);
  return {
    name: PROTOCOL,
    rebalanceProtocols: ['eager'],
    subscriptionUserData: stickyUserData,
    assign: (group) => {
      checkGroup(group, PROTOCOL);
      return assignSticky(group, {
        readClaims: (indexed, book) => {
          readStickyClaims(indexed, book);
          return null;
        },
      });
    },
  };
}

/** As Java writes it: nothing before the member's first assignment, then that assignment and its generation. */
function stickyUserData({ assignment, generationId }: MemberContext): Uint8Array | null {
  if (generationId < 0 && assignment.length === 0) return null;
  return encodeStickyUserData(assignment, generationId);
}
