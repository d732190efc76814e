import { memberRebalanceProtocol, type Assignor, type MemberContext } from './assignor.js';
import type { Subscription } from './model.js';

/**
 * The subscription a live member sends for this assignor, as the Java client builds it: the member's
 * topics, the assignor's user data, what it owns if it rebalances cooperatively (eager members have given
 * everything up before they join), the generation of its last rebalance, and its rack.
 */
export function memberSubscription(assignor: Assignor, member: MemberContext, rackId: string | null = null): Subscription {
  return {
    topics: member.topics,
    userData: assignor.subscriptionUserData?.(member) ?? null,
    ownedPartitions: memberRebalanceProtocol(assignor) === 'cooperative' ? member.assignment : [],
    generationId: member.generationId,
    rackId,
  };
}
