import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freePorts, startSteadyProducer, uniqueName } from '@kafka-assignors/local-kafka';
import { describeWithKafka, testTopics } from '@kafka-assignors/local-kafka/vitest';
import { pollUntil } from './poll-until.js';
import { installPythonApp, type PythonApp } from './sidecar-python-app.js';
import { startSidecarPythonPod, type ProcessedLine, type SidecarPythonPod } from './sidecar-python-pod.js';

const cli = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const PODS = 3;
const PARTITIONS = 3;
/** The apps commit every this many messages: the most a crashed active's successor processes again. */
const COMMIT_EVERY = 10;
const PRODUCE_INTERVAL_MS = 10;
/** A crashed active is replaced after its session (10 s) and a rebalance, and the app sees it within 200 ms. */
const FAILOVER_TIMEOUT_MS = 30_000;

const activeIn = async (pods: readonly SidecarPythonPod[]) => {
  for (const pod of pods) if ((await pod.role())?.status === 200) return pod;
  return undefined;
};
const keysOf = (lines: readonly ProcessedLine[]) => lines.map(({ key }) => key);

describeWithKafka('kafka-assignors sidecar next to a Python (confluent-kafka) app on a real broker', (kafka) => {
  const topicAndGroup = testTopics(kafka, 'sidecar-python-it');
  let pythonApp: PythonApp;
  let outputDirectory: string;

  beforeAll(async () => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run "npm run build" first (npm test does)`);
    pythonApp = await installPythonApp();
    outputDirectory = await mkdtemp(join(tmpdir(), 'sidecar-python-'));
  }, 360_000);
  afterAll(() => rm(outputDirectory, { recursive: true, force: true }));

  test('the active pod is killed: another pod\'s app takes over, no message lost, duplicates within the commit interval, older fencing tokens', async () => {
    const { topic, groupId: sidecarGroup, stopsWithTheTest } = await topicAndGroup('sidecar-python', PARTITIONS);
    const appGroup = uniqueName('sidecar-python-app');
    const ports = await freePorts(PODS);
    const pods = ports.map((port, index) =>
      startSidecarPythonPod({ name: `pod-${index}`, port, cli, pythonApp, bootstrap: kafka.bootstrap, topic, sidecarGroup, appGroup, commitEvery: COMMIT_EVERY, outputDirectory }),
    );
    for (const pod of pods) stopsWithTheTest(() => Promise.all([pod.app.stop(), pod.sidecar.stop()]));
    const producer = await startSteadyProducer(kafka.brokers, topic, PRODUCE_INTERVAL_MS);
    stopsWithTheTest(() => producer.stop());

    const describePods = () => pods.map((pod) => `${pod.name}: ${pod.processed().length} processed`).join(', ');
    const first = await pollUntil(() => activeIn(pods), () => `a sidecar answering 200 on /role; ${describePods()}`, 30_000);
    await pollUntil(() => (first.processed().length >= 50 ? true : undefined), () => `${first.name}'s app consuming; ${describePods()}`, 30_000);
    const survivors = pods.filter((pod) => pod !== first);

    const killedAt = performance.now();
    await first.kill();
    const successor = await pollUntil(() => activeIn(survivors), () => `a surviving sidecar answering 200 on /role; ${describePods()}`, FAILOVER_TIMEOUT_MS);
    const roleAt = performance.now();
    await pollUntil(() => (successor.processed().length > 0 ? true : undefined), () => `${successor.name}'s app processing; ${describePods()}`, FAILOVER_TIMEOUT_MS);
    const failoverMs = performance.now() - killedAt;
    console.log(`failover: ${successor.name}'s sidecar active ${Math.round(roleAt - killedAt)} ms after SIGKILL, its app's first message ${Math.round(failoverMs)} ms after`);

    const produced = await producer.stop();
    const admin = new Kafka({ clientId: 'sidecar-python-it-ends', brokers: kafka.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const [ends, sidecarOffsets] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId: sidecarGroup, topics: [topic] })]).finally(() => admin.disconnect());
    // The sidecars committed nothing: the apps' group holds the offsets.
    expect(sidecarOffsets.flatMap(({ partitions }) => partitions.map(({ offset }) => offset))).toEqual(Array.from({ length: PARTITIONS }, () => '-1'));
    const reachedEnds = () => ends.every(({ partition, high }) => Number(high) === 0 || successor.processed().some((line) => line.partition === partition && line.offset === Number(high) - 1));
    await pollUntil(() => (reachedEnds() ? true : undefined), () => `${successor.name}'s app at the end of every partition ${JSON.stringify(ends)}; ${describePods()}`, 30_000);

    const before = first.processed();
    const after = successor.processed();
    const processedKeys = new Set([...keysOf(before), ...keysOf(after)]);
    expect(produced.filter((key) => !processedKeys.has(key))).toEqual([]);
    // The third pod's app never was active: it processed nothing.
    for (const pod of survivors.filter((pod) => pod !== successor)) expect(pod.processed()).toEqual([]);
    // Within one app every message once; between them, what the old active processed after its last commit.
    for (const lines of [before, after]) expect(new Set(keysOf(lines)).size).toBe(lines.length);
    const seenBefore = new Set(keysOf(before));
    const duplicates = keysOf(after).filter((key) => seenBefore.has(key));
    expect(duplicates.length).toBeLessThanOrEqual(COMMIT_EVERY);
    console.log(`${produced.length} messages produced, ${before.length} processed by ${first.name}, ${after.length} by ${successor.name}, ${duplicates.length} twice`);
    const oldTokens = before.map(({ token }) => token);
    const newTokens = after.map(({ token }) => token);
    expect(Math.max(...oldTokens)).toBeLessThan(Math.min(...newTokens));

    // SIGTERM, as Kubernetes stops a pod with a native sidecar: the apps commit and exit, then the sidecars leave the group and exit 0.
    for (const pod of survivors) expect(await pod.app.stop()).toEqual({ code: 0, signal: null });
    for (const pod of survivors) {
      expect(await pod.sidecar.stop()).toEqual({ code: 0, signal: null });
      expect(pod.sidecar.events.at(-1)).toEqual({ event: 'left' });
    }
  }, 90_000);
});
