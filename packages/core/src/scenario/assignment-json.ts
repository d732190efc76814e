import type { GroupAssignment, TopicPartitions } from '../model.js';

/** The scenario format's output: every member, topics and partitions in ascending order. */
export interface AssignmentJson {
  assignment: Record<string, TopicPartitions[]>;
}

export function assignmentJson(memberIds: readonly string[], assignment: GroupAssignment): AssignmentJson {
  const result: Record<string, TopicPartitions[]> = {};
  for (const memberId of memberIds) {
    const byTopic = new Map<string, number[]>();
    for (const { topic, partitions } of assignment.get(memberId)?.partitions ?? []) {
      const list = byTopic.get(topic) ?? [];
      list.push(...partitions);
      byTopic.set(topic, list);
    }
    result[memberId] = [...byTopic.keys()]
      .sort()
      .map((topic) => ({ topic, partitions: (byTopic.get(topic) ?? []).sort((a, b) => a - b) }));
  }
  return { assignment: result };
}
