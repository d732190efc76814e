import { type Group, type GroupMember } from '@kafka-assignors/core';
import { compareStrings } from '@kafka-assignors/core/internal';
import { sortedByMemberId } from './member-id-order.js';
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

/** How many of the latest distinct topic lists a member's list is compared with before it counts as a new one. */
const RECENT_LISTS = 8;

/** The position of `topics` among the latest RECENT_LISTS of `lists`, or -1. */
function recentListOf(lists: readonly (readonly string[])[], topics: readonly string[]): number {
  for (let position = lists.length - 1; position >= Math.max(0, lists.length - RECENT_LISTS); position--) {
    if (sameTopicList(lists[position]!, topics)) return position;
  }
  return -1;
}

/** The ids of the listed topics that the index covers, ascending, without repeats. */
function topicIds(topics: TopicIndex, names: readonly string[]): Int32Array {
  const ids = new Int32Array(names.length);
  let count = 0;
  for (const name of names) {
    const id = topics.idOf(name);
    if (id >= 0) ids[count++] = id;
  }
  const sorted = ids.subarray(0, count).sort();
  let distinct = 0;
  for (let i = 0; i < count; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!;
  return ids.slice(0, distinct);
}

/**
 * Numbers the members by member id and the topics by name: the result depends on no input order. Members
 * usually share their subscriptions (often a few lists, members taking them in turn), so a member listing the
 * same topics as one of the members just before it shares its topic ids instead of looking them up again.
 */
export function indexGroup(group: Group): IndexedGroup {
  const members = sortedByMemberId(group.members);
  // The distinct topic lists, and for each member the position of its own among them.
  const lists: (readonly string[])[] = [];
  const listOf = members.map(({ subscription: { topics } }) => {
    const recent = recentListOf(lists, topics);
    if (recent >= 0) return recent;
    lists.push(topics);
    return lists.length - 1;
  });

  const subscribed = new Set<string>();
  for (const list of lists) {
    for (const name of list) if ((group.topics.get(name)?.partitionCount ?? 0) > 0) subscribed.add(name);
  }
  const names = [...subscribed].sort(compareStrings);
  const topics = new TopicIndex(names.map((name) => [name, group.topics.get(name)?.partitionCount ?? 0]));

  const ids = lists.map((list) => topicIds(topics, list));
  const memberTopics = listOf.map((list) => ids[list]!);
  const first = memberTopics[0];
  const equalSubscriptions = first !== undefined && memberTopics.every((topicIds) => sameIds(topicIds, first));
  return { members, topics, memberTopics, equalSubscriptions };
}
