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
export type { Assignor, AssignmentMetadata, MemberContext, RebalanceProtocol } from './assignor.js';
export { memberRebalanceProtocol } from './assignor.js';
export { memberSubscription } from './member-subscription.js';
export * from './scenario/index.js';
export { compareJavaMemberOrder, compareStrings } from './java-member-order.js';
