import { Consumer, stringDeserializers, type ConsumerOptions } from '@platformatic/kafka';
import { activeStandbyAssignor, type RoleChange } from '@kafka-assignors/assignor-active-standby';
import { kafkaConnectionFromEnvironment, type KafkaConnection } from '@kafka-assignors/cli';
import { platformaticAssigner } from '@kafka-assignors/core';
import type { PodEvent } from './pod-event.js';
import type { PodSettings } from './pod-settings.js';

/**
 * One pod of the demo on @platformatic/kafka (`npm run demo -- --client platformatic`): the same as pod.ts, with
 * the client's consumer through platformaticAssigner. It runs on Node 22 (the client's floor), started by startPod.
 */
const settings = JSON.parse(process.argv[2] ?? '{}') as PodSettings;
const say = (event: PodEvent): void => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};
const log = (message: string, extra?: object): void => {
  process.stderr.write(`${message} ${JSON.stringify(extra ?? {})}\n`);
};
const logger = { info: log, warn: log, error: log };
const assignor = activeStandbyAssignor({ name: settings.name, priority: settings.priority, logger });
assignor.on('roleChange', (change: RoleChange) => {
  say({ event: 'role', at: Date.now(), ...change });
});

const connection = await kafkaConnectionFromEnvironment({ ...process.env, KAFKA_BROKERS: settings.brokers.join(',') });
const consumer = new Consumer({
  clientId: settings.name,
  bootstrapBrokers: connection.brokers,
  ...security(connection),
  groupId: settings.groupId,
  sessionTimeout: settings.sessionTimeout,
  heartbeatInterval: settings.heartbeatInterval,
  rebalanceTimeout: settings.rebalanceTimeout,
  maxWaitTime: settings.maxWaitTimeInMs,
  autocommit: 100,
  deserializers: stringDeserializers,
  ...platformaticAssigner(assignor, { logger }),
});
consumer.on('consumer:group:join', ({ memberId }) => {
  say({ event: 'joined', memberId, generationId: assignor.roleState().generationId });
});

const stream = await consumer.consume({ topics: [settings.topic], mode: 'committed', fallbackMode: 'earliest' });
say({ event: 'ready', name: settings.name, pid: process.pid });
void (async () => {
  for await (const message of stream) {
    if (settings.processingMs > 0) await new Promise((resolve) => setTimeout(resolve, settings.processingMs));
    say({ event: 'processed', keys: [message.key ?? ''] });
  }
})();

const leave = () => {
  void consumer.close(true).then(() => {
    say({ event: 'stopped' });
    process.exit(0);
  });
};
process.once('SIGTERM', leave);
process.stdin.resume().once('end', leave);

/** The connection's TLS and SASL settings (KafkaJS' shape, from the CLI's variables) in the client's shape. */
function security({ ssl, sasl }: KafkaConnection): Pick<ConsumerOptions<string, string, string, string>, 'tls' | 'sasl'> {
  return {
    ...(ssl === undefined ? {} : { tls: ssl === true ? {} : ssl }),
    ...(sasl === undefined ? {} : { sasl: { mechanism: sasl.mechanism === 'plain' ? 'PLAIN' : sasl.mechanism === 'scram-sha-256' ? 'SCRAM-SHA-256' : 'SCRAM-SHA-512', username: sasl.username, password: sasl.password } }),
  };
}
