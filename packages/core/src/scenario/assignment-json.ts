import type { GroupAssignment, TopicPartitions } from '../model.js';

/** The scenario format's output: every member, topics and partitions in ascending order. */
export interface AssignmentJson {
  assignment: Record<string, TopicPartitions[]>;
}

export function assignmentJson(memberIds: readonly string[], assignment: GroupAssignment): AssignmentJson {
  // Object.fromEntries defines own keys, so a member id such as "__proto__" becomes a key like any other.
  return { assignment: Object.fromEntries(memberIds.map((memberId) => [memberId, sortedPartitions(assignment.get(memberId)?.partitions ?? [])])) };
}

function sortedPartitions(entries: readonly TopicPartitions[]): TopicPartitions[] {
  const byTopic = new Map<string, number[]>();
  for (const { topic, partitions } of entries) {
    const list = byTopic.get(topic) ?? [];
    list.push(...partitions);
    byTopic.set(topic, list);
  }
  return [...byTopic.keys()].sort().map((topic) => ({ topic, partitions: (byTopic.get(topic) ?? []).sort((a, b) => a - b) }));
}
