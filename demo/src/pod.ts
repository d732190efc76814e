import { activeStandbyAssignor, type RoleChange } from '@kafka-assignors/assignor-active-standby';
import { kafkaConnectionFromEnvironment } from '@kafka-assignors/cli';
import { kafkajsAssigner } from '@kafka-assignors/core';
import { Kafka, logLevel } from 'kafkajs';
import type { PodEvent } from './pod-event.js';
import type { PodSettings } from './pod-settings.js';

/**
 * One pod of the demo: a KafkaJS consumer in the shared group under the active-standby assignor. It prints
 * its role changes and the keys of the messages it processed as JSON lines, and leaves the group cleanly
 * on SIGTERM.
 */
const settings = JSON.parse(process.argv[2] ?? '{}') as PodSettings;
const say = (event: PodEvent): void => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};

// Standard output carries the pod's events; the assignor's log lines go to standard error.
const log = (message: string, extra?: object): void => {
  process.stderr.write(`${message} ${JSON.stringify(extra ?? {})}\n`);
};
const assignor = activeStandbyAssignor({ name: settings.name, priority: settings.priority, logger: { info: log, warn: log, error: log } });
assignor.on('roleChange', (change: RoleChange) => {
  say({ event: 'role', at: Date.now(), ...change });
});

// TLS and SASL come from the environment the pod inherits (KAFKA_SSL, KAFKA_SASL_PASSWORD, ...), never its command line.
const connection = await kafkaConnectionFromEnvironment({ ...process.env, KAFKA_BROKERS: settings.brokers.join(',') });
const kafka = new Kafka({ clientId: settings.name, ...connection, logLevel: logLevel.NOTHING });
const consumer = kafka.consumer({
  groupId: settings.groupId,
  partitionAssigners: [kafkajsAssigner(assignor)],
  sessionTimeout: settings.sessionTimeout,
  heartbeatInterval: settings.heartbeatInterval,
  rebalanceTimeout: settings.rebalanceTimeout,
  maxWaitTimeInMs: settings.maxWaitTimeInMs,
});

consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
  say({ event: 'joined', memberId: payload.memberId, generationId: assignor.roleState().generationId });
});

await consumer.connect();
await consumer.subscribe({ topic: settings.topic, fromBeginning: true });
await consumer.run({
  eachMessage: async ({ message }) => {
    if (settings.processingMs > 0) await new Promise((resolve) => setTimeout(resolve, settings.processingMs));
    // Reported before eachMessage resolves, hence before KafkaJS can commit the offset: a pod killed right
    // after has reported every message its successor will not see again. (Writes to a pipe are synchronous.)
    say({ event: 'processed', keys: [message.key?.toString() ?? ''] });
  },
});
say({ event: 'ready', name: settings.name, pid: process.pid });

const leave = () => {
  void consumer.disconnect().then(() => {
    say({ event: 'stopped' });
    process.exit(0);
  });
};
process.once('SIGTERM', leave);
// Standard input is a pipe from the process that started the pod: when that process dies, the pod leaves too.
process.stdin.resume().once('end', leave);
