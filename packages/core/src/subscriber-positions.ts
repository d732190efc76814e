import type { GroupMember } from './model.js';

/**
 * Every topic some member subscribes to, with the positions of its subscribers in `members`, ascending and
 * each once (a member that lists a topic twice is still one subscriber). Topics come in order of first
 * subscription; whether they exist is for the caller to check.
 */
export function subscriberPositions(members: readonly GroupMember[]): Map<string, number[]> {
  const subscribersByTopic = new Map<string, number[]>();
  members.forEach((member, position) => {
    for (const topic of member.subscription.topics) {
      let subscribers = subscribersByTopic.get(topic);
      if (subscribers === undefined) subscribersByTopic.set(topic, (subscribers = []));
      if (subscribers[subscribers.length - 1] !== position) subscribers.push(position);
    }
  });
  return subscribersByTopic;
}
