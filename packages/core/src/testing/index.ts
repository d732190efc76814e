export { checkAssignorConformance, DEFAULT_CONFORMANCE_RUNS, type AssignorConformanceOptions } from './check-assignor-conformance.js';
export { AssignorConformanceError } from './assignor-conformance-error.js';
export { CONFORMANCE_INVARIANTS, type ConformanceInvariant } from './conformance-invariant.js';
export {
  assignDoesNotThrowProperty,
  deterministicProperty,
  everyMemberHasEntryProperty,
  independentOfInputOrderProperty,
  inputNotMutatedProperty,
  validAssignmentProperty,
  type ConformancePropertyOptions,
  type ReorderedGroup,
} from './conformance-properties.js';
export {
  clusterArbitrary,
  DEFAULT_BROKER_RACKS,
  DEFAULT_MAX_PARTITIONS_PER_TOPIC,
  DEFAULT_TOPIC_NAMES,
  topicMetadataArbitrary,
  type ClusterArbitraryOptions,
} from './cluster-arbitrary.js';
export { DEFAULT_MAX_MEMBERS, joiningGroupArbitrary, type JoiningGroupArbitraryOptions } from './joining-group-arbitrary.js';
export { leaderView, type JoiningGroup, type JoiningMember } from './joining-group.js';
export { normalizeAssignment, type NormalizedMemberAssignment } from './normalized-assignment.js';
export * from '../simulator/index.js';
export { runChurn } from '../simulator/run-churn.js';
export { churnArbitrary, type ChurnArbitraryOptions } from '../simulator/churn-arbitrary.js';
export { ManualClock } from './manual-clock.js';
