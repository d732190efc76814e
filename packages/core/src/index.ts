export type {
  ClusterMetadata,
  Group,
  GroupAssignment,
  GroupMember,
  MemberAssignment,
  Subscription,
  TopicMetadata,
  TopicPartitions,
} from './model.js';
export type { Assignor, AssignmentMetadata, AssignorLogger, HeartbeatMetadata, MemberContext, RebalanceProtocol } from './assignor.js';
export { memberRebalanceProtocol } from './assignor.js';
export { AssignorInUseError } from './assignor-in-use-error.js';
export { InconsistentGroupProtocolError, type RefusingGroup } from './inconsistent-group-protocol-error.js';
export { systemClock, type Clock } from './clock.js';
export { memberSubscription } from './member-subscription.js';
export {
  ConsumerProtocolError,
  decodeAssignment,
  decodeSubscription,
  encodeAssignment,
  encodeGroupAssignment,
  encodeSubscription,
  type ConsumerProtocolErrorReason,
  type DecodedAssignment,
  type DecodedSubscription,
} from './codec/index.js';
export { validateAssignment, type AssignmentViolation, type ValidateAssignmentOptions } from './validate-assignment.js';
export { InvalidAssignmentError } from './invalid-assignment-error.js';
export { InvalidArgumentError } from './invalid-argument-error.js';
export { MalformedGroupError } from './malformed-group-error.js';
export { kafkajsAssigner, type KafkaJSAssignerOptions } from './kafkajs/kafkajs-assigner.js';
export type { KafkaJSPartitionAssigner } from './kafkajs/contract.js';
export { platformaticAssigner } from './platformatic/platformatic-assigner.js';
export type { PlatformaticAssignerOptions } from './platformatic/assigner-options.js';
export type { PlatformaticGroupOptions } from './platformatic/contract.js';
