// The Node app of active-standby-deployment.yaml: one member of the consumer group, active or standby, with
// its role served on port 8080 for the probes and for whoever needs to find the active (README.md beside this
// file). Build it with the rest of the service (kafkajs, prom-client and @kafka-assignors/core and
// assignor-active-standby as dependencies); the Deployment runs `node app.js`.
import { activeStandbyAssignor, serveRole } from '@kafka-assignors/assignor-active-standby';
import { activeStandbyMetrics } from '@kafka-assignors/assignor-active-standby/metrics';
import { kafkajsAssigner } from '@kafka-assignors/core';
import { Kafka, type KafkaMessage } from 'kafkajs';

const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter((broker) => broker !== '');
if (brokers.length === 0) throw new Error('KAFKA_BROKERS is not set: a comma-separated list of host:port');
const groupId = process.env.KAFKA_GROUP ?? 'billing';
const topic = process.env.KAFKA_TOPIC ?? 'billing-events';
const podName = process.env.POD_NAME;

const kafka = new Kafka({ clientId: podName ?? 'billing', brokers });
const assignor = activeStandbyAssignor({ name: process.env.POD_NAME, priority: Number(process.env.PRIORITY ?? '0') });
const consumer = kafka.consumer({
  groupId,
  partitionAssigners: [kafkajsAssigner(assignor)],
  sessionTimeout: 10_000,
  heartbeatInterval: 1_000,
  rebalanceTimeout: 30_000,
  maxWaitTimeInMs: 1_000,
});

// The generation of the rebalance that made this member active: written with each side effect, so that the
// sink refuses the writes of a deposed active (a lower token than the highest it has seen).
let fencingToken = -1;
assignor.on('roleChange', (change) => {
  if (change.role === 'active') fencingToken = change.generationId;
  console.log(JSON.stringify({ event: 'roleChange', pod: podName, ...change }));
});

/** The side effect, here a log line; a real one writes `token` with it (a conditional write, a version column). */
function handle(message: KafkaMessage, token: number): Promise<void> {
  console.log(JSON.stringify({ event: 'processed', offset: message.offset, key: message.key?.toString() ?? null, fencingToken: token }));
  return Promise.resolve();
}

// SIGTERM (after the preStop sleep): stop fetching, commit, and leave the group (disconnect sends LeaveGroup),
// so that the next pod takes over within about 2 s instead of a session timeout; then exit.
process.once('SIGTERM', () => {
  console.log(JSON.stringify({ event: 'stopping', pod: podName }));
  consumer.disconnect().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});

// GET /role (200 active, 503 standby, the role as JSON), /healthz (the probes: 503 once the consumer stopped or
// crashed for good), /events (server-sent role changes), /metrics (prom-client; npm install prom-client). On
// every address, since the kubelet's probes come to the pod's address; it closes when the consumer disconnects.
const registry = activeStandbyMetrics(assignor, { group: groupId });
const endpoint = await serveRole(assignor, { host: '0.0.0.0', port: 8080, registry, consumer });
console.log(JSON.stringify({ event: 'serving', pod: podName, url: endpoint.url }));

await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: false });
await consumer.run({
  // A message counts as processed only once handled while active: when the role goes, the batch stops there and
  // the rest stays uncommitted for the next active.
  eachBatchAutoResolve: false,
  eachBatch: async (payload) => {
    for (const message of payload.batch.messages) {
      if (!payload.isRunning() || payload.isStale() || !assignor.isActive()) return;
      await handle(message, fencingToken);
      payload.resolveOffset(message.offset);
      await payload.heartbeat();
    }
  },
});
