import { Kafka, logLevel, type Consumer, type KafkaConfig, type LogEntry } from 'kafkajs';
import { kafkajsAssigner, type Assignor } from '@kafka-assignors/core';
import type { GroupLedger } from './group-ledger.js';

export interface KafkaJSGroupMember {
  readonly consumer: Consumer;
  readonly logs: LogEntry[];
  /** What its consumer crashed with (KafkaJS' CRASH event), as `TYPE: message`, e.g. INCONSISTENT_GROUP_PROTOCOL. */
  readonly crashes: string[];
  /** The member id of the last join, from KafkaJS' GROUP_JOIN event. */
  memberId(): string | undefined;
  /** Whether this member led the group in its last join. */
  isLeader(): boolean;
  /** The partitions it has processed messages of, as `topic-partition`. */
  consumedPartitions(): string[];
  stop(): Promise<void>;
}

/** Settings that make a test group notice joins and departures within about a second. */
export const FAST_GROUP = { sessionTimeout: 6000, rebalanceTimeout: 10000, heartbeatInterval: 300, maxWaitTimeInMs: 200 };

/**
 * A KafkaJS consumer in `groupId` using `assignor` through the adapter, reporting each assignment (with its
 * generation, from `onAssignment`) and each processed message (by key) to the ledger.
 */
export async function startKafkaJSMember(options: {
  brokers: string[];
  groupId: string;
  topic: string;
  clientId: string;
  assignor: Assignor;
  ledger: GroupLedger;
  /** TLS and SASL settings, for a secured listener. */
  security?: Pick<KafkaConfig, 'ssl' | 'sasl'>;
  /** Hears each processed message, as `topic-partition` and key. */
  onMessage?: (partition: string, key: string) => void;
}): Promise<KafkaJSGroupMember> {
  const { ledger } = options;
  const observed: Assignor = {
    ...options.assignor,
    onAssignment: (assignment, metadata) => {
      options.assignor.onAssignment?.(assignment, metadata);
      ledger.recordAssignment(assignment, metadata);
    },
  };
  const logs: LogEntry[] = [];
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    ...options.security,
    logLevel: logLevel.WARN,
    logCreator: () => (entry) => logs.push(entry),
  });
  const consumer = kafka.consumer({ groupId: options.groupId, partitionAssigners: [kafkajsAssigner(observed)], ...FAST_GROUP });
  let lastJoin: { memberId: string; isLeader: boolean } | undefined;
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    lastJoin = payload;
  });
  const crashes: string[] = [];
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    const { type, name, message } = payload.error as Error & { type?: string };
    crashes.push(`${type ?? name}: ${message}`);
  });
  await consumer.connect();
  await consumer.subscribe({ topic: options.topic, fromBeginning: true });
  const consumed = new Set<string>();
  await consumer.run({
    eachMessage: ({ topic, partition, message }) => {
      const key = message.key?.toString() ?? '';
      consumed.add(`${topic}-${partition}`);
      ledger.recordDelivery(key);
      options.onMessage?.(`${topic}-${partition}`, key);
      return Promise.resolve();
    },
  });
  return {
    consumer,
    logs,
    crashes,
    memberId: () => lastJoin?.memberId,
    isLeader: () => lastJoin?.isLeader === true,
    consumedPartitions: () => [...consumed].sort(),
    stop: () => consumer.disconnect(),
  };
}
