import type { CatalogEntry } from './assignor-catalog.js';

export function usage(catalog: readonly CatalogEntry[]): string {
  const assignors = catalog.map((entry) => `  ${entry.name.padEnd(20)} ${entry.summary}`).join('\n');
  return `Usage: kafka-assignors assign --assignor NAME [FILE]

Runs one rebalance of a consumer group through an assignor and prints the assignment.

  assign --assignor NAME [FILE]
      Reads a scenario (JSON) from FILE, or from standard input when FILE is absent or "-",
      and writes {"assignment": {memberId: [{topic, partitions}]}} to standard output:
      every member, topics and partitions in ascending order.

A scenario lists the topics with their partition counts (and optionally the racks of each
partition's replicas) and the members as the group leader sees them:

  {"topics":  [{"name": "orders", "partitions": 6}],
   "members": [{"memberId": "a", "topics": ["orders"]},
               {"memberId": "b", "topics": ["orders"], "groupInstanceId": "pod-b",
                "rackId": "r1", "owned": [{"topic": "orders", "partitions": [0, 1]}],
                "generationId": 3, "state": {}, "userData": "base64"}]}

"owned" and "generationId" are what the member held after its last rebalance; each assignor
turns them, and the member's assignor-specific "state", into its own subscription user data,
as a live member would. "userData" (base64) replaces that, to feed raw bytes.

Assignors:
${assignors}

Exit status: 0 on success; 2 for bad usage, an unknown assignor, or a malformed scenario
(one line on standard error says what is wrong); 1 if the assignor produced an invalid result.
`;
}
