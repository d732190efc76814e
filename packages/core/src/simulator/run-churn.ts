import { applyChurnEvent, type ChurnEvent } from './churn-event.js';
import type { GroupSimulator } from './group-simulator.js';
import type { RebalanceRound } from './rebalance-round.js';

/** Applies each event in turn and settles the group after each one; returns every round that ran. */
export function runChurn(simulator: GroupSimulator, events: readonly ChurnEvent[]): RebalanceRound[] {
  return events.flatMap((event) => {
    applyChurnEvent(simulator, event);
    return simulator.settle();
  });
}
