import type { AssignmentJson } from '@kafka-assignors/core/scenario';

/** JSON with one line per member, so that a person can read an assignment and a program can parse it. */
export function formatAssignment({ assignment }: AssignmentJson): string {
  const members = Object.entries(assignment).map(
    ([memberId, partitions]) => `    ${JSON.stringify(memberId)}: [${partitions.map((entry) => JSON.stringify(entry)).join(', ')}]`,
  );
  return members.length === 0 ? '{ "assignment": {} }\n' : `{ "assignment": {\n${members.join(',\n')}\n} }\n`;
}
