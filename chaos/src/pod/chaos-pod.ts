import { createInterface } from 'node:readline';
import { activeStandbyAssignor } from '@kafka-assignors/assignor-active-standby';
import { kafkajsAssigner, systemClock } from '@kafka-assignors/core';
import { Kafka, logLevel } from 'kafkajs';
import { writeEffect } from '../write-effect.js';
import type { ChaosPodCommand, ChaosPodEvent } from './pod-event.js';
import type { ChaosPodSettings } from './pod-settings.js';

/**
 * One chaos pod: a KafkaJS consumer under the active-standby assignor that, for each message, checks
 * `isActive()`, then writes the message's key to the fencing sink with its fencing token, as the package
 * README tells users to. It reports its role changes and lease on standard output; on standard input it
 * takes commands (block its event loop) and leaves the group when the pipe closes.
 */
const settings = JSON.parse(process.argv[2] ?? '{}') as ChaosPodSettings;
const say = (event: ChaosPodEvent): void => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};
const log = (message: string, extra?: object): void => {
  process.stderr.write(`${message} ${JSON.stringify(extra ?? {})}\n`);
};

const assignor = activeStandbyAssignor({ name: settings.name, priority: settings.priority, logger: { info: log, warn: log, error: log } });
let token = -1;
let reportedLease: number | null = null;
assignor.on('roleChange', ({ role, reason, generationId }) => {
  if (role === 'active') token = generationId;
  reportedLease = assignor.roleState().leaseExpiresAt;
  say({ event: 'role', role, reason, generationId, at: systemClock.now(), leaseExpiresAt: reportedLease });
});

const kafka = new Kafka({ clientId: settings.name, brokers: [...settings.brokers], logLevel: logLevel.NOTHING });
const consumer = kafka.consumer({
  groupId: settings.groupId,
  partitionAssigners: [kafkajsAssigner(assignor)],
  sessionTimeout: settings.sessionTimeout,
  heartbeatInterval: settings.heartbeatInterval,
  rebalanceTimeout: settings.rebalanceTimeout,
  maxWaitTimeInMs: settings.maxWaitTimeInMs,
});
/** Reports the lease when it moved, synchronously (a pipe), so that no effect precedes the report of its lease. */
const reportLease = (): void => {
  const { leaseExpiresAt } = assignor.roleState();
  if (leaseExpiresAt !== null && leaseExpiresAt !== reportedLease) {
    reportedLease = leaseExpiresAt;
    say({ event: 'lease', leaseExpiresAt });
  }
};
consumer.on(consumer.events.HEARTBEAT, reportLease);
consumer.on(consumer.events.GROUP_JOIN, reportLease);

await consumer.connect();
await consumer.subscribe({ topic: settings.topic, fromBeginning: true });
await consumer.run({
  eachBatchAutoResolve: false,
  eachBatch: async (payload) => {
    for (const message of payload.batch.messages) {
      if (!payload.isRunning() || payload.isStale()) return;
      const issuedAt = systemClock.now();
      if (!assignor.isActive()) return;
      reportLease();
      const key = message.key?.toString() ?? '';
      const outcome = await writeEffect(settings.sinkUrl, { resource: settings.resource, token, key, pod: settings.name, issuedAt });
      // A refusal means a later active has written: this pod is deposed, whatever it believes.
      if (!outcome.accepted) return;
      payload.resolveOffset(message.offset);
      await payload.heartbeat();
    }
  },
});
say({ event: 'ready', pid: process.pid });

const leave = (): void => {
  void consumer.disconnect().then(() => {
    say({ event: 'stopped' });
    process.exit(0);
  });
};
process.once('SIGTERM', leave);
createInterface({ input: process.stdin })
  .on('line', (line) => {
    const command = JSON.parse(line) as ChaosPodCommand;
    if (command.command === 'block') {
      say({ event: 'blocked', ms: command.ms });
      const until = systemClock.now() + command.ms;
      // Busy on purpose: a handler stuck in synchronous work, so no timer, heartbeat or answer runs.
      while (systemClock.now() < until);
    }
  })
  .once('close', leave);
