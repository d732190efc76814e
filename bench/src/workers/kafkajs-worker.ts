/**
 * Child process: KafkaJS 2.2.4's own RoundRobinAssigner on one scenario file.
 * `kafkajs-worker.ts SCENARIO_ID FILE PLAN_JSON`. Every member sends KafkaJS' own metadata for its topics; the
 * leader hands the assigner the topics its members subscribe to that exist, in the scenario's order (KafkaJS
 * passes its leader's own subscription; the union is the kindest reading for it). Only `assign` is timed, which
 * includes KafkaJS' encoding of every member's assignment.
 */
import { readFile } from 'node:fs/promises';
import kafkajs, { type Cluster, type PartitionMetadata } from 'kafkajs';
import { type GroupAssignment } from '@kafka-assignors/core';
import { parseScenario } from '@kafka-assignors/core/scenario';
import { assignmentQuality } from '../assignment-quality.js';
import { median } from '../median.js';
import { timeRuns } from '../time-runs.js';
import type { TimingPlan } from '../timing-plan.js';
import { sendToParent } from './send-to-parent.js';

const { AssignerProtocol, Kafka, logLevel, PartitionAssigners } = kafkajs;
const [scenarioId = '', file = '', planJson = '{}'] = process.argv.slice(2);
const scenario = parseScenario(await readFile(file, 'utf8'));
const plan = JSON.parse(planJson) as TimingPlan;

const partitionMetadata = new Map<string, PartitionMetadata[]>();
for (const { name, partitions } of scenario.topics) {
  if (partitions === 0) continue;
  partitionMetadata.set(
    name,
    Array.from({ length: partitions }, (_, partitionId) => ({ partitionErrorCode: 0, partitionId, leader: 0, replicas: [0], isr: [0], offlineReplicas: [] })),
  );
}
// RoundRobinAssigner reads nothing of the cluster but this.
const cluster: Pick<Cluster, 'findTopicPartitionMetadata'> = { findTopicPartitionMetadata: (topic) => partitionMetadata.get(topic) ?? [] };
// A client is only created for a logger of the real kind: it connects to nothing until asked to.
const logger = new Kafka({ clientId: 'bench', brokers: ['127.0.0.1:9'], logLevel: logLevel.NOTHING }).logger();
const assigner = PartitionAssigners.roundRobin({ cluster: cluster as Cluster, groupId: 'bench', logger });

const members = scenario.members.map(({ memberId, topics }) => ({
  memberId,
  memberMetadata: AssignerProtocol.MemberMetadata.encode({ version: assigner.version, topics: [...topics], userData: Buffer.alloc(0) }),
}));
const subscribed = new Set(scenario.members.flatMap((member) => member.topics));
const topics = scenario.topics.filter(({ name, partitions }) => partitions > 0 && subscribed.has(name)).map(({ name }) => name);

const measured = { scenario: scenarioId, implementation: 'kafkajs', assignor: 'RoundRobinAssigner' } as const;
try {
  const { samplesMs, last } = await timeRuns(plan, () => assigner.assign({ members, topics }));
  const assignment: GroupAssignment = new Map(
    last.map(({ memberId, memberAssignment }) => [
      memberId,
      {
        partitions: Object.entries(AssignerProtocol.MemberAssignment.decode(memberAssignment)?.assignment ?? {}).map(([topic, partitions]) => ({ topic, partitions })),
        userData: null,
      },
    ]),
  );
  await sendToParent({
    kind: 'measurement',
    measurement: { ...measured, medianMs: median(samplesMs), samples: samplesMs.length, quality: assignmentQuality(scenario, assignment, 'eager') },
  });
} catch (error) {
  await sendToParent({ kind: 'measurement', measurement: { ...measured, error: String(error) } });
}
