import type { CatalogEntry } from './assignor-catalog.js';

export function usage(catalog: readonly CatalogEntry[]): string {
  const assignors = catalog.map((entry) => `  ${entry.name.padEnd(20)} ${entry.summary}`).join('\n');
  return `Usage: kafka-assignors assign --assignor NAME [FILE]
       kafka-assignors lab [OPTIONS]
       kafka-assignors describe --brokers HOST:PORT [CONNECTION] --group ID [--json]
                                [--watch [--interval MS]]
       kafka-assignors sidecar --brokers HOST:PORT [CONNECTION] --group ID --topic NAME [--name NAME]
                               [--priority N] [--port N] [--host HOST]
       kafka-assignors --help | --version

Kafka consumer-group partition assignors: run one rebalance (assign), compare the assignors over one
simulated history (lab), describe a live group (describe), or be the active-standby member of a pod
whose app is not written for Node (sidecar).

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
      @kafka-assignors/cli). A coordinator that moves is followed for up to 30 s. Exit
      status 1, with one line on standard error, when no broker answers, TLS or SASL fails,
      the group does not exist or the coordinator refuses.
      --watch (-w) describes the group every MS milliseconds (--interval, default 1000) until
      interrupted (Ctrl-C, exit status 0), and prints a timestamped line with the group's
      state, protocol, active member and member ids at the start and whenever the active
      member, the protocol or the members change; with --json, one JSON object per line
      {timestamp, state, protocol, members, active}. A cluster that stops answering gets a
      line "no answer: ..." ({timestamp, error}) and the watch polls on; the first
      description must succeed, else exit status 1 as above.

  sidecar --brokers HOST:PORT[,HOST:PORT...] --group ID --topic NAME [--topic NAME]...
          [--name NAME] [--priority N] [--port N] [--host HOST]
      Joins group ID as one member under the active-standby assignor (a KafkaJS consumer with
      a 10 s session, 1 s heartbeats) and serves its role over HTTP on HOST:PORT (default
      127.0.0.1:9478; port 0 picks a free one): GET /role answers 200 on the active and 503 on
      a standby, with the role as JSON (generationId is the fencing token); /events streams
      role changes; /healthz is for probes. It fetches and commits nothing: the app next to it
      consumes the topics, under a group id of its own, only while /role says active. --name
      (the pod's name) and --priority (a 32-bit integer, default 0; --priority=-1 for a
      negative one) order the election. Prints one JSON object per line: serving, roleChange,
      log (KafkaJS warnings and errors), stopping, left. SIGTERM or SIGINT leaves the group
      (the next member takes over within about 2 s), closes the endpoint, exit status 0.
      Exit status 1, with one line on standard error, when it cannot join the group, its port
      is taken, or its consumer crashes for good.

  CONNECTION: how describe and sidecar reach the cluster; each flag has an environment
  variable, used when the flag is absent:
      --brokers, -b HOST:PORT[,...]    KAFKA_BROKERS
      --ssl                            KAFKA_SSL (true/false)      TLS, the system's CAs
      --ssl-ca FILE                    KAFKA_SSL_CA                TLS, trusting FILE's CAs
      --ssl-cert FILE, --ssl-key FILE  KAFKA_SSL_CERT, KAFKA_SSL_KEY   mutual TLS (PEM)
      --ssl-key-password-file FILE     KAFKA_SSL_KEY_PASSWORD[_FILE]   an encrypted key's
      --sasl-mechanism NAME            KAFKA_SASL_MECHANISM        plain, scram-sha-256,
                                                                   scram-sha-512
      --sasl-username NAME             KAFKA_SASL_USERNAME
      --sasl-password-file FILE        KAFKA_SASL_PASSWORD[_FILE]
      A certificate or key variable may hold the PEM text itself. Passwords come from the
      environment or a file, never the command line (--sasl-password is refused). A bad
      setting exits with status 2; a refused login, a certificate that does not verify or
      a listener of another protocol with status 1, each with one line on standard error.

  --help, -h      Prints this text.
  --version, -V   Prints the version of kafka-assignors.

Assignors:
${assignors}

Exit status: 0 on success; 2 for bad usage, an unknown assignor, or a malformed scenario
(one line on standard error says what is wrong); 1 if the assignor produced an invalid result.
`;
}
