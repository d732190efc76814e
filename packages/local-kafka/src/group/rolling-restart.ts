import { systemClock } from '@kafka-assignors/core';
import { startSteadyProducer } from '../steady-producer.js';
import { GroupLedger, type Generation } from './group-ledger.js';
import { startKafkaJSMember } from './kafkajs-group-member.js';
import { startPlatformaticMember } from './platformatic-member.js';
import { createProjectAssignor } from './project-assignor.js';
import { openTestGroup } from './test-group.js';

/**
 * A gap between two deliveries of one partition longer than this many production intervals counts as time the
 * partition was not consumed: a partition that is being consumed delivers a record about every interval.
 */
export const STALL_INTERVALS = 3;

export interface RollingRestartOptions {
  readonly brokers: string[];
  readonly client: 'KafkaJS' | 'platformatic';
  /** The project's assignor of this protocol, in every pod. */
  readonly protocol: 'sticky' | 'cooperative-sticky';
  readonly partitions: number;
  readonly pods: number;
  /** The producer writes one record to every partition this often. */
  readonly produceIntervalMs: number;
}

/** How long one partition went unconsumed during the restart. */
export interface PartitionOutage {
  readonly partition: string;
  /** The sum of the gaps between deliveries longer than STALL_INTERVALS production intervals. */
  readonly stalledMs: number;
  /** The longest gap between two deliveries (or from the start or to the end of the restart). */
  readonly longestGapMs: number;
}

export interface RollingRestartRun {
  readonly client: RollingRestartOptions['client'];
  readonly protocol: string;
  readonly partitions: number;
  readonly pods: number;
  /** From the first pod's stop to the group settled with every pod back. */
  readonly durationMs: number;
  readonly perPartition: readonly PartitionOutage[];
  /** Partitions whose pod changed between two settled generations, summed over the restart. */
  readonly moved: number;
  /** Deliveries beyond the first of a record (at-least-once allows them across a rebalance). */
  readonly duplicates: number;
  /** Records the brokers acknowledged that no pod delivered. */
  readonly lost: number;
  /** Partitions two pods held in one generation. */
  readonly heldTwice: readonly string[];
}

interface Pod {
  stop(): Promise<unknown>;
}

/**
 * Forms a group of `pods` consumers of `client` on a topic of `partitions` under a steady producer, then
 * restarts each pod in turn (stop, wait until the others hold every partition, start, wait until all do),
 * recording when every record was delivered; then stops the producer and waits until every acknowledged
 * record was delivered.
 */
export async function runRollingRestart(options: RollingRestartOptions): Promise<RollingRestartRun> {
  const group = await openTestGroup(options.brokers, 'rolling', options.partitions);
  const ledger = new GroupLedger();
  const deliveries = new Map<string, number[]>(group.partitions.map((partition) => [partition, []]));
  const deliver = (partition: string, key: string, at: number): void => {
    deliveries.get(partition)?.push(at);
    ledger.recordDelivery(key);
  };
  const { protocol } = options;

  const startPod = async (name: string): Promise<Pod> => {
    if (options.client === 'KafkaJS') {
      const assignor = createProjectAssignor(protocol, name);
      return startKafkaJSMember({
        brokers: options.brokers,
        groupId: group.groupId,
        topic: group.topic,
        clientId: name,
        assignor,
        ledger,
        onMessage: (partition, key) => deliver(partition, key, systemClock.now()),
      });
    }
    const member = await startPlatformaticMember({ brokers: options.brokers, groupId: group.groupId, topics: [group.topic], clientId: name, assignor: protocol });
    member.onEvent((event) => {
      if (event.event === 'assigned') ledger.recordHolding(event.generationId, { memberId: event.memberId, partitions: event.partitions });
      else if (event.event === 'consumed') deliver(event.partition, event.key, event.at);
    });
    await member.waitFor((event) => event.event === 'ready', 60_000);
    return member;
  };

  const settled: Generation[] = [];
  const settle = async (podCount: number): Promise<void> => {
    const after = settled.at(-1)?.generationId ?? -1;
    settled.push(
      await ledger.changes.untilFound(
        () => {
          const generation = ledger.settledGeneration(podCount, group.partitions);
          return generation !== undefined && generation.generationId > after ? generation : undefined;
        },
        () => `${podCount} pods holding each of ${options.partitions} partitions once; ${ledger.describe()}`,
        60_000,
      ),
    );
  };
  /** Until every partition was delivered after `since`: consumption runs everywhere. */
  const flowing = (since: number): Promise<void> =>
    ledger.changes.until(
      () => [...deliveries.values()].every((times) => (times.at(-1) ?? -Infinity) > since),
      () => `deliveries on every partition; ${ledger.describe()}`,
      60_000,
    );

  const names = Array.from({ length: options.pods }, (_, index) => `pod${String.fromCharCode(97 + index)}`);
  const pods = new Map<string, Pod>();
  const producer = await startSteadyProducer(options.brokers, group.topic, options.produceIntervalMs, options.partitions);
  let producing = true;
  try {
    for (const name of names) pods.set(name, await startPod(name));
    await settle(options.pods);
    await flowing(systemClock.now());

    const windowStart = systemClock.now();
    for (const name of names) {
      await pods.get(name)?.stop();
      await settle(options.pods - 1);
      pods.set(name, await startPod(name));
      await settle(options.pods);
    }
    const windowEnd = systemClock.now();
    await flowing(windowEnd);

    producing = false;
    const acknowledged = await producer.stop();
    await ledger.changes.until(
      () => ledger.distinctMessages >= acknowledged.length,
      () => `all ${acknowledged.length} acknowledged records delivered; ${ledger.describe()}`,
      60_000,
    );
    return {
      client: options.client,
      protocol,
      partitions: options.partitions,
      pods: options.pods,
      durationMs: windowEnd - windowStart,
      perPartition: [...deliveries].map(([partition, times]) => outage(partition, times, windowStart, windowEnd, STALL_INTERVALS * options.produceIntervalMs)),
      moved: partitionsMoved(settled),
      duplicates: ledger.duplicates,
      lost: acknowledged.length - ledger.distinctMessages,
      heldTwice: ledger.partitionsHeldTwice(),
    };
  } finally {
    if (producing) await producer.stop();
    await Promise.all([...pods.values()].map((pod) => pod.stop()));
    await group.close();
  }
}

function outage(partition: string, times: readonly number[], windowStart: number, windowEnd: number, stallThresholdMs: number): PartitionOutage {
  const inWindow = [windowStart, ...[...times].filter((at) => at > windowStart && at < windowEnd).sort((a, b) => a - b), windowEnd];
  let stalledMs = 0;
  let longestGapMs = 0;
  for (let i = 1; i < inWindow.length; i++) {
    const gap = (inWindow[i] ?? 0) - (inWindow[i - 1] ?? 0);
    if (gap > stallThresholdMs) stalledMs += gap;
    longestGapMs = Math.max(longestGapMs, gap);
  }
  return { partition, stalledMs, longestGapMs };
}

/** Pod names are the client ids, which lead the member ids of both clients (`poda-<uuid>`). */
function partitionsMoved(generations: readonly Generation[]): number {
  const podOf = ({ members }: Generation): Map<string, string> =>
    new Map(members.flatMap(({ memberId, partitions }) => partitions.map((partition) => [partition, memberId.split('-')[0] ?? ''] as const)));
  let moved = 0;
  for (let i = 1; i < generations.length; i++) {
    const before = podOf(generations[i - 1] as Generation);
    for (const [partition, pod] of podOf(generations[i] as Generation)) if (before.get(partition) !== pod) moved += 1;
  }
  return moved;
}
