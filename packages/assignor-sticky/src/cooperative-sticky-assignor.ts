import type { Assignor } from '@kafka-assignors/core';
import { checkGroup, checkNoOptions } from '@kafka-assignors/core/internal';
import { encodeCooperativeStickyUserData } from './cooperative-sticky-user-data.js';
import { ReportedOwnership } from './reported-ownership.js';
import { assignSticky } from './sticky-assignment.js';

const PROTOCOL = 'cooperative-sticky';

/**
 * The `cooperative-sticky` protocol (KIP-429; eager too, for members that cannot rebalance cooperatively):
 * members report the partitions they own in their subscription, the leader keeps as many as balance allows,
 * and a partition changing owner is withheld for one round while another member still reports it. The user
 * data is the member's generation, as the Java client's CooperativeStickyAssignor writes it. See the package
 * README for the algorithm, what it guarantees, and its cost. It takes no options: anything passed is refused
 * (InvalidArgumentError), as is a malformed group passed to `assign` (MalformedGroupError).
 */
export function cooperativeStickyAssignor(options?: never): Assignor {
  checkNoOptions('cooperativeStickyAssignor', options);
  return {
    name: PROTOCOL,
    rebalanceProtocols: ['cooperative', 'eager'],
    subscriptionUserData: ({ generationId }) => encodeCooperativeStickyUserData(generationId),
    assign(group) {
      checkGroup(group, PROTOCOL);
      return assignSticky(group, { readClaims: (indexed, book) => new ReportedOwnership().readClaims(indexed, book) });
    },
  };
}
