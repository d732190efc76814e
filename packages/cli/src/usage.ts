import type { CatalogEntry } from './assignor-catalog.js';

export function usage(catalog: readonly CatalogEntry[]): string {
  const assignors = catalog.map((entry) => `  ${entry.name.padEnd(20)} ${entry.summary}`).join('\n');
  return `Usage: kafka-assignors assign --assignor NAME [FILE]
       kafka-assignors lab [OPTIONS]
       kafka-assignors describe --brokers HOST:PORT --group ID [--json] [--watch [--interval MS]]
       kafka-assignors --help | --version

Kafka consumer-group partition assignors: run one rebalance (assign), compare the assignors over one
simulated history (lab), or describe a live group (describe).

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

  lab [--seed N] [--members N] [--topics N] [--partitions N] [--rounds N] [--racks N]
      [--churn EVENT=WEIGHT,...] [--script FILE] [--assignor NAME]... [--out FILE] [--no-timings]
      Takes a group through one history in the in-memory simulator, with every assignor or
      those named, and prints per assignor the partitions moved per round, the balance spread,
      the rounds that left a member idle and the time per assignment; writes an HTML report
      with charts to FILE (default kafka-assignors-lab.html). The history is generated from
      the seed (defaults: seed 1, 6 members, 4 topics, 48 partitions, 30 rounds, no racks,
      churn join=4,leave=2,crash=1,expire=1,rejoin=1,subscribe=2,add-partitions=1; also
      delete-topic), or read from a script (JSON; format in the README of @kafka-assignors/cli).
      The same seed gives the same figures and report; --no-timings leaves out the timings,
      the only figures that vary from run to run.

  describe --brokers HOST:PORT[,HOST:PORT...] --group ID [--json] [--watch [--interval MS]]
      Describes a live consumer group and decodes it: state, protocol, and per member its
      ids, client, host, subscription (topics, owned partitions, generation, rack, user data)
      and assignment; for active-standby groups, the active member and each member's name,
      priority and eligibility. User data of a format it does not know is shown as hex.
      --json prints one JSON document (bytes as hex; shape in the README of
      @kafka-assignors/cli). Exit status 1, with one line on standard error, when no broker
      answers, the group does not exist or the coordinator refuses.
      --watch (-w) describes the group every MS milliseconds (--interval, default 1000) until
      interrupted (Ctrl-C, exit status 0), and prints a timestamped line with the group's
      state, protocol, active member and member ids at the start and whenever the active
      member, the protocol or the members change; with --json, one JSON object per line
      {timestamp, state, protocol, members, active}. A cluster that stops answering gets a
      line "no answer: ..." ({timestamp, error}) and the watch polls on; the first
      description must succeed, else exit status 1 as above.

  --help, -h      Prints this text.
  --version, -V   Prints the version of kafka-assignors.

Assignors:
${assignors}

Exit status: 0 on success; 2 for bad usage, an unknown assignor, or a malformed scenario
(one line on standard error says what is wrong); 1 if the assignor produced an invalid result.
`;
}
