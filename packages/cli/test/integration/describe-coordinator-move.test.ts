import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '@kafka-assignors/cli';
import { createTopic, startKafkaCluster, uniqueName, type KafkaCluster } from '@kafka-assignors/local-kafka';
import { memoryInput } from '../lab/memory-input.js';
import type { GroupDescription } from '../../src/describe/group-description.js';

// A cluster of its own: the test kills the node that coordinates the group, which the run's shared broker must not lose.
let cluster: KafkaCluster;
beforeAll(async () => {
  cluster = await startKafkaCluster({ nodes: 3 });
});
afterAll(() => cluster.stop());

test('describe follows the group coordinator to another node after the coordinator\'s node is killed', async () => {
  const admin = new Kafka({ clientId: 'coordinator-move', brokers: cluster.brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  const topic = uniqueName('coordinator-move');
  const groupId = uniqueName('coordinator-move');
  try {
    await createTopic(admin, topic, 3);
    // A group with committed offsets outlives the move. (A group whose members' sessions end while the coordinator
    // moves, and which has no offsets, is rightly gone once the new coordinator has loaded it.) KafkaJS commits them
    // through a member of its own, which stops without leaving: the group is Empty or still has it, by timing.
    await whileTopicUnknown(() => admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '0' }] }));
  } finally {
    await admin.disconnect();
  }
  const coordinator = await cluster.coordinatorNodeId();
  const survivors = cluster.nodes.filter(({ nodeId }) => nodeId !== coordinator).map(({ address }) => address);
  await cluster.nodes.find(({ nodeId }) => nodeId === coordinator)?.kill();

  // Until the controller fences the killed node (its broker session, 9 s by default), the survivors still name it as
  // the coordinator, which refuses connections; then the new one may answer COORDINATOR_LOAD_IN_PROGRESS while it loads.
  const started = performance.now();
  const result = await runCli(['describe', '--brokers', survivors.join(','), '--group', groupId, '--json'], memoryInput());
  const elapsedMs = performance.now() - started;
  expect(result).toMatchObject({ exitCode: 0, stderr: '' });
  const group = JSON.parse(result.stdout) as GroupDescription;
  expect(group.groupId).toBe(groupId);
  expect(['Empty', 'Stable', 'PreparingRebalance', 'CompletingRebalance']).toContain(group.state);
  console.info(`describe found the moved coordinator after ${Math.round(elapsedMs)} ms`);
  // It did have to wait for the move: an answer at once would mean the test killed the wrong node.
  expect(elapsedMs).toBeGreaterThan(1_000);
}, 120_000);

/**
 * Runs `operation` until no broker answers it UNKNOWN_TOPIC_OR_PARTITION. createTopic waits until one broker
 * reports a leader for every partition; in a cluster, another broker may learn of the new topic a moment later,
 * and KafkaJS' member of `setOffsets` asks whichever it picks.
 */
async function whileTopicUnknown(operation: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await operation();
      return;
    } catch (error) {
      if ((error as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION' || Date.now() > deadline) throw error;
    }
  }
}
