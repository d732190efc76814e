import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { Registry } from 'prom-client';
import { expect, test } from 'vitest';
import { activeStandbyAssignor, serveRole, type ActiveStandbyAssignor, type RoleEndpoint } from '@kafka-assignors/assignor-active-standby';
import { activeStandbyMetrics } from '@kafka-assignors/assignor-active-standby/metrics';
import { kafkajsAssigner } from '@kafka-assignors/core';
import { instrumentAssignor } from '@kafka-assignors/core/metrics';
import { Changes, FAST_GROUP } from '@kafka-assignors/local-kafka';
import { describeWithKafka, testTopics } from '@kafka-assignors/local-kafka/vitest';
import { EventStreamClient } from '../support/event-stream-client.js';
import { silentLogger } from '../support/recording-logger.js';

const PARTITIONS = 3;

/** A KafkaJS consumer with its active-standby assignor, its metrics and its own role endpoint. */
interface Pod {
  readonly name: string;
  readonly assignor: ActiveStandbyAssignor;
  readonly consumer: Consumer;
  readonly endpoint: RoleEndpoint;
}

async function startPod(brokers: string[], groupId: string, topic: string, name: string, changes: Changes): Promise<Pod> {
  const registry = new Registry();
  const assignor = activeStandbyAssignor({ name, logger: silentLogger });
  assignor.on('roleChange', () => changes.changed());
  activeStandbyMetrics(assignor, { registry, group: groupId });
  const consumer = new Kafka({ clientId: name, brokers, logLevel: logLevel.NOTHING }).consumer({
    groupId,
    partitionAssigners: [kafkajsAssigner(instrumentAssignor(assignor, { registry, group: groupId }))],
    ...FAST_GROUP,
  });
  const endpoint = await serveRole(assignor, { port: 0, registry, consumer });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: () => Promise.resolve() });
  return { name, assignor, consumer, endpoint };
}

async function statusOf(url: string): Promise<number> {
  const response = await fetch(url);
  await response.body?.cancel();
  return response.status;
}

describeWithKafka('the role endpoint on a real broker', (kafka) => {
  const topicAndGroup = testTopics(kafka, 'active-standby-role-endpoint-it');

  test('answers 200 on the active and 503 on the standby, streams the standby taking over, and serves the metrics', async () => {
    const { topic, groupId, stopsWithTheTest } = await topicAndGroup('role-endpoint', PARTITIONS);
    const changes = new Changes();
    const pods = [await startPod(kafka.brokers, groupId, topic, 'pod-a', changes), await startPod(kafka.brokers, groupId, topic, 'pod-b', changes)];
    for (const pod of pods) {
      stopsWithTheTest(async () => {
        await pod.consumer.disconnect();
        await pod.endpoint.close();
      });
    }
    const [active, standby] = await changes.untilFound(
      () => {
        const found = pods.find(({ assignor }) => assignor.isActive());
        const other = pods.find(({ assignor }) => !assignor.isActive());
        return found !== undefined && other !== undefined && other.assignor.roleState().activeMemberId === found.assignor.roleState().memberId ? [found, other] : undefined;
      },
      () => 'one active pod, which the other knows',
    );

    expect(await statusOf(`${active.endpoint.url}/role`)).toBe(200);
    expect(await statusOf(`${standby.endpoint.url}/role`)).toBe(503);
    expect(await statusOf(`${active.endpoint.url}/healthz`)).toBe(200);
    expect(await statusOf(`${standby.endpoint.url}/healthz`)).toBe(200);
    const activeMetrics = await (await fetch(`${active.endpoint.url}/metrics`)).text();
    expect(activeMetrics).toContain(`kafka_assignors_active_standby_role{group="${groupId}",member="${active.name}"} 1\n`);
    expect(activeMetrics).toContain(`kafka_assignors_assigned_partitions{group="${groupId}",member="${active.assignor.roleState().memberId}"} ${PARTITIONS}\n`);
    expect(activeMetrics).toMatch(/kafka_assignors_rebalance_duration_seconds_count\{group="[^"]+",assignor="active-standby"\} [1-9]/);
    expect(await (await fetch(`${standby.endpoint.url}/metrics`)).text()).toContain(`kafka_assignors_active_standby_role{group="${groupId}",member="${standby.name}"} 0\n`);

    const events = await EventStreamClient.open(`${standby.endpoint.url}/events`);
    stopsWithTheTest(() => Promise.resolve(events.close()));
    expect(await events.nextEvent()).toMatchObject({ event: 'role', data: { role: 'standby', name: standby.name } });

    await active.consumer.disconnect();
    await active.endpoint.closed;
    expect(await events.nextEvent(30_000)).toMatchObject({ event: 'roleChange', data: { role: 'active', previousRole: 'standby', activeName: standby.name } });
    expect(await statusOf(`${standby.endpoint.url}/role`)).toBe(200);
    expect(await (await fetch(`${standby.endpoint.url}/metrics`)).text()).toMatch(
      new RegExp(`kafka_assignors_active_standby_role_changes_total\\{group="${groupId}",role="active",reason="(failover|elected)"\\} 1\\n`),
    );
  });
});
