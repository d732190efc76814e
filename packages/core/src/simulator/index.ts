export { DEFAULT_MAX_SETTLE_ROUNDS, GroupSimulator, type GroupSimulatorOptions, type JoinOptions } from './group-simulator.js';
export type { RebalanceRound, RoundMember, SubscriptionDecodeFailure } from './rebalance-round.js';
export { partitionMovement, type PartitionHolder, type PartitionMovement } from './partition-movement.js';
export { applyChurnEvent, type ChurnEvent } from './churn-event.js';
export { SeededRandom } from './seeded-random.js';
