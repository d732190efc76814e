import { type Group, type GroupMember } from '@kafka-assignors/core';
import { compareStrings } from '@kafka-assignors/core/internal';
import { TopicIndex } from './topic-index.js';

/** A group with members and topics numbered, as the algorithm works on it. */
export interface IndexedGroup {
  /** Members by member id: a member's number is its position here. */
  readonly members: readonly GroupMember[];
  readonly topics: TopicIndex;
  /** Each member's subscribed topics that exist, as ascending topic ids without repeats. */
  readonly memberTopics: readonly Int32Array[];
  /** Whether every member subscribes to the same existing topics. */
  readonly equalSubscriptions: boolean;
}

function sameTopicList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameIds(a: Int32Array, b: Int32Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Numbers the members by member id and the topics by name: the result depends on no input order. Members
 * usually share their subscriptions, so a member listing the same topics as the one before it shares its
 * topic ids instead of looking them up again.
 */
export function indexGroup(group: Group): IndexedGroup {
  const members = [...group.members].sort((a, b) => compareStrings(a.memberId, b.memberId));
  // The distinct topic lists, and for each member the position of its own among them.
  const lists: (readonly string[])[] = [];
  const listOf = members.map(({ subscription: { topics } }) => {
    const previous = lists[lists.length - 1];
    if (previous === undefined || !sameTopicList(previous, topics)) lists.push(topics);
    return lists.length - 1;
  });

  const subscribed = new Set<string>();
  for (const list of lists) {
    for (const name of list) if ((group.topics.get(name)?.partitionCount ?? 0) > 0) subscribed.add(name);
  }
  const names = [...subscribed].sort(compareStrings);
  const topics = new TopicIndex(names.map((name) => [name, group.topics.get(name)?.partitionCount ?? 0]));

  const ids = lists.map((list) => Int32Array.from(new Set(list.map((name) => topics.idOf(name)).filter((id) => id >= 0))).sort());
  const memberTopics = listOf.map((list) => ids[list]!);
  const first = memberTopics[0];
  const equalSubscriptions = first !== undefined && memberTopics.every((topicIds) => sameIds(topicIds, first));
  return { members, topics, memberTopics, equalSubscriptions };
}
