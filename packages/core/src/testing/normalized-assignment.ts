import { compareStrings } from '../compare-strings.js';
import type { GroupAssignment } from '../model.js';

/** One member's share in a canonical order: topics sorted, each topic once, its partitions sorted. */
export interface NormalizedMemberAssignment {
  readonly memberId: string;
  readonly partitions: readonly { readonly topic: string; readonly partitions: readonly number[] }[];
  readonly userData: readonly number[] | null;
}

/**
 * An assignment with everything that carries no meaning taken out: the order of members, of topic entries
 * and of partitions, the splitting of one topic over several entries, and empty entries. Duplicates are kept, so that
 * two results compare equal exactly when they hand out the same partitions and user data.
 */
export function normalizeAssignment(assignment: GroupAssignment): NormalizedMemberAssignment[] {
  return [...assignment]
    .map(([memberId, { partitions, userData }]) => {
      const byTopic = new Map<string, number[]>();
      for (const entry of partitions) {
        const list = byTopic.get(entry.topic) ?? [];
        for (const partition of entry.partitions) list.push(partition);
        byTopic.set(entry.topic, list);
      }
      return {
        memberId,
        partitions: [...byTopic]
          .filter(([, list]) => list.length > 0)
          .sort(([a], [b]) => compareStrings(a, b))
          .map(([topic, list]) => ({ topic, partitions: list.sort((a, b) => a - b) })),
        userData: userData === null ? null : [...userData],
      };
    })
    .sort((a, b) => compareStrings(a.memberId, b.memberId));
}
