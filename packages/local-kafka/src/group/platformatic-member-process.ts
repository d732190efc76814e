// A @platformatic/kafka consumer with one of the project's assignors, run by startPlatformaticMember in a child
// process on Node 22 (see platformatic-node.ts). It writes one JSON event per line on standard output and
// leaves the group cleanly on SIGTERM, or when its standard input closes (its parent died).
import { Consumer, stringDeserializers } from '@platformatic/kafka';
import { platformaticAssigner, systemClock, type Assignor } from '@kafka-assignors/core';
import { hexOf, type PlatformaticMemberEvent, type PlatformaticMemberSettings } from './platformatic-member-event.js';
import { createProjectAssignor } from './project-assignor.js';

const settings = JSON.parse(process.argv[2] ?? '') as PlatformaticMemberSettings;
const emit = (event: PlatformaticMemberEvent): void => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};

// Standard output carries the events; the adapter's and the assignor's log lines go to standard error.
const log = (message: string, extra?: object): void => {
  process.stderr.write(`${message} ${JSON.stringify(extra ?? {})}\n`);
};
const assignor: Assignor & { isActive?: () => boolean } = createProjectAssignor(settings.assignor, settings.clientId);
const observed: Assignor = {
  ...assignor,
  onAssignment: (assignment, metadata) => {
    assignor.onAssignment?.(assignment, metadata);
    emit({
      event: 'assigned',
      memberId: metadata.memberId,
      generationId: metadata.generationId,
      partitions: assignment.partitions.flatMap(({ topic, partitions }) => partitions.map((partition) => `${topic}-${partition}`)).sort(),
      userData: assignment.userData === null ? null : hexOf(assignment.userData),
      active: assignor.isActive?.() ?? null,
      at: systemClock.now(),
    });
  },
};

const consumer = new Consumer({
  clientId: settings.clientId,
  bootstrapBrokers: [...settings.brokers],
  groupId: settings.groupId,
  ...(settings.groupInstanceId === undefined ? {} : { groupInstanceId: settings.groupInstanceId }),
  ...(settings.clientRack === undefined ? {} : { clientRack: settings.clientRack }),
  sessionTimeout: settings.sessionTimeoutMs,
  rebalanceTimeout: settings.rebalanceTimeoutMs,
  heartbeatInterval: settings.heartbeatIntervalMs,
  maxWaitTime: 200,
  autocommit: 200,
  deserializers: stringDeserializers,
  ...platformaticAssigner(observed, { logger: { info: log, warn: log, error: log } }),
});
consumer.on('consumer:group:join', ({ memberId, generationId, isLeader }) => {
  emit({ event: 'joined', memberId, generationId: generationId ?? -1, isLeader: isLeader === true });
});
consumer.on('error', (error: Error) => emit({ event: 'error', message: error.message }));

let closing: Promise<void> | undefined;
const close = (): Promise<void> =>
  (closing ??= consumer.close(true).then(
    () => emit({ event: 'stopped' }),
    (error: unknown) => emit({ event: 'error', message: `close: ${String(error)}` }),
  ));
process.once('SIGTERM', () => void close().finally(() => process.exit(0)));
process.stdin.on('close', () => void close().finally(() => process.exit(0)));
process.stdin.resume();

try {
  const stream = await consumer.consume({ topics: [...settings.topics], mode: 'committed', fallbackMode: 'earliest' });
  stream.on('data', (message) => {
    const held = consumer.assignments?.some(({ topic, partitions }) => topic === message.topic && partitions.includes(message.partition)) === true;
    emit({ event: 'consumed', partition: `${message.topic}-${message.partition}`, key: message.key ?? '', offset: String(message.offset), held, at: systemClock.now() });
  });
  stream.on('error', (error: Error) => emit({ event: 'error', message: `stream: ${error.message}` }));
  emit({ event: 'ready' });
} catch (error) {
  emit({ event: 'error', message: `consume: ${error instanceof Error ? error.message : String(error)}` });
}
