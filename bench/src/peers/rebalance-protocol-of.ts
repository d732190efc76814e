import type { RebalanceProtocol } from '@kafka-assignors/core';

/** The protocol a peer's assignor runs under, by its protocol name: of the peers' assignors only cooperative-sticky is cooperative. */
export function rebalanceProtocolOf(assignor: string): RebalanceProtocol {
  return assignor === 'cooperative-sticky' ? 'cooperative' : 'eager';
}
