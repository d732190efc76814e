import { systemClock } from '@kafka-assignors/core';
import { createTopic, startSteadyProducer, uniqueName } from '@kafka-assignors/local-kafka';
import { Kafka, logLevel } from 'kafkajs';
import type { ChaosEnvironment } from './chaos-environment.js';
import { CHAOS_POD_SETTINGS, POD_LISTENERS, POD_PRIORITIES, PRODUCE_INTERVAL_MS } from './chaos-settings.js';
import { checkRun } from './check-run.js';
import type { Fault, FaultContext } from './fault.js';
import { startChaosPod, type ChaosPod } from './pod/start-chaos-pod.js';
import { roleIntervals } from './pod/role-intervals.js';
import type { RunRecord, SinkWrite } from './run-record.js';
import type { RunVerdict } from './run-verdict.js';
import { waitUntil } from './wait-until.js';

export interface FaultRun {
  readonly fault: string;
  readonly verdict: RunVerdict;
  /** From the fault to the first change to active of another pod; `null` when no other pod took over. */
  readonly failoverMs: number | null;
  /** The longest time without an accepted side effect, from the fault on: the outage it caused. */
  readonly outageMs: number;
  /** Active intervals after the first: 0 when the first active kept the role throughout. */
  readonly activeChanges: number;
  readonly produced: number;
  /** Every pod's role changes, in ms from the fault: what the figures above were read from. */
  readonly roleChanges: readonly { readonly pod: string; readonly atMs: number; readonly role: string; readonly reason: string; readonly generationId: number }[];
}

const PARTITIONS = 6;
const SETTLE_MS = 60_000;
const DRAIN_MS = 120_000;

/** Runs `fault` once: three pods on a topic of its own under a steady producer, the fault, then every check. */
export async function runFault(environment: ChaosEnvironment, fault: Fault, random: () => number): Promise<FaultRun> {
  const { cluster, networks, sink } = environment;
  const topic = uniqueName('chaos');
  const groupId = uniqueName('chaos-group');
  const resource = topic;
  const brokers = cluster.brokers.split(',');
  const admin = new Kafka({ clientId: 'chaos-admin', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await createTopic(admin, topic, PARTITIONS);
  await admin.disconnect();
  for (const network of networks) network.pass();
  const settings = { ...CHAOS_POD_SETTINGS, sessionTimeout: fault.sessionTimeout ?? CHAOS_POD_SETTINGS.sessionTimeout };

  const pods: ChaosPod[] = POD_LISTENERS.map((listener, slot) =>
    startChaosPod({
      brokers: cluster.bootstrapFor(listener),
      groupId,
      topic,
      name: `pod-${slot}`,
      priority: POD_PRIORITIES[slot] ?? 0,
      ...settings,
      sinkUrl: sink.url,
      resource,
    }),
  );
  const writes = (): SinkWrite[] => sink.writes().filter((write) => write.resource === resource);
  try {
    await Promise.all(pods.map((pod) => pod.waitFor((event) => event.event === 'ready', SETTLE_MS)));
    await waitUntil(() => pods.some((pod) => pod.isActive()), SETTLE_MS, 'a pod is active');
    const first = pods.find((pod) => pod.isActive()) as ChaosPod;
    const producer = await startSteadyProducer(brokers, topic, PRODUCE_INTERVAL_MS);
    await waitUntil(() => writes().some((write) => write.accepted), SETTLE_MS, 'the active processes messages');

    const context: FaultContext = { pods, networks, cluster, random, settings };
    const faultAt = systemClock.now();
    await fault.inject(context);
    const healedAt = systemClock.now();
    await waitUntil(
      () => pods.filter((pod) => pod.killedAt() === null && pod.isActive()).length === 1 && writes().some((write) => write.accepted && write.issuedAt > healedAt),
      SETTLE_MS,
      `one pod is active and processing again after ${fault.name}`,
    );
    const produced = await producer.stop();
    const expected = new Set(produced);
    await waitUntil(
      () => {
        const done = new Set(writes().flatMap((write) => (write.accepted ? [write.key] : [])));
        return [...expected].every((key) => done.has(key));
      },
      DRAIN_MS,
      'every acknowledged message has an accepted side effect',
    );
    // The run ends here: stopping the pods hands the role from one to the next, which is no part of the fault.
    const endedAt = systemClock.now();
    const observed = new Map(pods.map((pod) => [pod, pod.events.slice()]));
    await Promise.all(pods.filter((pod) => pod.killedAt() === null).map((pod) => pod.stop()));

    const record: RunRecord = {
      intervals: pods.flatMap((pod) => roleIntervals(pod.name, observed.get(pod) ?? [], pod.killedAt() ?? endedAt)),
      writes: writes(),
      produced,
      deaths: pods.flatMap((pod) => (pod.killedAt() === null ? [] : [{ pod: pod.name, at: pod.killedAt() as number }])),
      endedAt,
    };
    const starts = record.intervals.filter(({ start }) => start > faultAt).sort((a, b) => a.start - b.start);
    const takeover = starts.find(({ pod }) => pod !== first.name);
    return {
      fault: fault.name,
      verdict: checkRun(record),
      failoverMs: takeover === undefined ? null : takeover.start - faultAt,
      outageMs: longestGap(record.writes, faultAt),
      activeChanges: record.intervals.length - 1,
      produced: produced.length,
      roleChanges: pods
        .flatMap((pod) =>
          (observed.get(pod) ?? []).flatMap((event) =>
            event.event === 'role'
              ? [{ pod: pod.name, atMs: Math.round(event.at - faultAt), role: event.role, reason: event.reason, generationId: event.generationId }]
              : [],
          ),
        )
        .sort((a, b) => a.atMs - b.atMs),
    };
  } finally {
    for (const pod of pods) if (pod.killedAt() === null) pod.signal('SIGCONT');
    await Promise.all(pods.map((pod) => pod.stop()));
  }
}

function longestGap(writes: readonly SinkWrite[], from: number): number {
  const times = writes.filter((write) => write.accepted && write.receivedAt >= from).map((write) => write.receivedAt);
  let previous = from;
  let longest = 0;
  for (const time of times) {
    longest = Math.max(longest, time - previous);
    previous = time;
  }
  return longest;
}
