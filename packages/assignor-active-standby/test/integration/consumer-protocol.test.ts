import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { expect, test } from 'vitest';
import { activeStandbyAssignor, type ActiveStandbyAssignor, type RoleChange } from '@kafka-assignors/assignor-active-standby';
import { InconsistentGroupProtocolError, kafkajsAssigner } from '@kafka-assignors/core';
import { Changes, createTopic, FAST_GROUP, startJavaPeer, startKafka, uniqueName, type JavaPeer } from '@kafka-assignors/local-kafka';
import { describeWithKafka, testTopics } from '@kafka-assignors/local-kafka/vitest';
import { recordingLogger } from '../support/recording-logger.js';

const PARTITIONS = 4;
const JAVA_RANGE = 'org.apache.kafka.clients.consumer.RangeAssignor';

/** An active-standby member on KafkaJS, with its assignor's log, its role changes and what its consumer crashed with. */
interface Pod {
  readonly assignor: ActiveStandbyAssignor;
  readonly log: ReturnType<typeof recordingLogger>;
  readonly roleChanges: RoleChange[];
  readonly crashes: Error[];
  readonly consumer: Consumer;
}

async function startPod(brokers: string[], groupId: string, topic: string, name: string, changes: Changes): Promise<Pod> {
  const log = recordingLogger();
  const assignor = activeStandbyAssignor({ name, logger: log });
  const roleChanges: RoleChange[] = [];
  assignor.on('roleChange', (change) => {
    roleChanges.push(change);
    changes.changed();
  });
  const crashes: Error[] = [];
  const consumer = new Kafka({ clientId: name, brokers, logLevel: logLevel.NOTHING }).consumer({
    groupId,
    partitionAssigners: [kafkajsAssigner(assignor)],
    ...FAST_GROUP,
    retry: { retries: 0, restartOnFailure: () => Promise.resolve(false) },
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    crashes.push(payload.error);
    changes.changed();
  });
  consumer.on(consumer.events.GROUP_JOIN, () => changes.changed());
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: () => Promise.resolve() }).catch(() => undefined);
  return { assignor, log, roleChanges, crashes, consumer };
}

const activeCount = (pods: readonly Pod[]) => pods.filter(({ assignor }) => assignor.isActive()).length;
const brokerAssignedErrors = (pod: Pod) => pod.log.entries.filter(({ level, message }) => level === 'error' && /broker assigned this rebalance/.test(message));

function consumerProtocolPeer(kafka: { bootstrap: string }, groupId: string, topic: string): Promise<JavaPeer> {
  return startJavaPeer({ brokers: kafka.bootstrap, groupId, topics: [topic], groupProtocol: 'consumer', clientId: uniqueName('java-848') });
}

/** The message of the peer's error event, which it sends when the broker refuses it. */
async function peerError(peer: JavaPeer): Promise<string> {
  const event = await peer.waitFor((candidate) => candidate.event === 'error');
  return event.event === 'error' ? event.message : '';
}

describeWithKafka('active-standby groups and consumer-protocol (KIP-848) members', (kafka) => {
  const topicAndGroup = testTopics(kafka, 'active-standby-848-it');

  test('a consumer-protocol member cannot join an active-standby group, whose roles stay as they were', async () => {
    const { topic, groupId, stopsWithTheTest } = await topicAndGroup('as-first', PARTITIONS);
    const changes = new Changes();
    const pods = [await startPod(kafka.brokers, groupId, topic, 'pod-a', changes), await startPod(kafka.brokers, groupId, topic, 'pod-b', changes)];
    for (const pod of pods) stopsWithTheTest(() => pod.consumer.disconnect());
    await changes.until(
      () => activeCount(pods) === 1 && pods.every(({ assignor }) => assignor.roleState().generationId === pods[0]?.assignor.roleState().generationId),
      () => 'one active pod, both in the same generation',
    );
    const before = pods.map(({ assignor }) => assignor.roleState());

    const peer = await consumerProtocolPeer(kafka, groupId, topic);
    stopsWithTheTest(() => peer.stop());
    expect(await peerError(peer)).toMatch(
      kafka.consumerGroupProtocol ? /Cannot upgrade classic group .* because an unsupported custom assignor is in use/ : /UnsupportedVersionException/,
    );

    const withoutLease = ({ leaseExpiresAt: _, ...state }: ReturnType<ActiveStandbyAssignor['roleState']>) => state;
    expect(pods.map(({ assignor }) => withoutLease(assignor.roleState()))).toEqual(before.map(withoutLease));
    expect(activeCount(pods)).toBe(1);
  });

  test('an active-standby member refused by a classic group of other members names both protocols', async () => {
    const { topic, groupId, stopsWithTheTest } = await topicAndGroup('range-first', PARTITIONS);
    const peer = await startJavaPeer({ brokers: kafka.bootstrap, groupId, topics: [topic], strategies: [JAVA_RANGE], clientId: uniqueName('java-range') });
    stopsWithTheTest(() => peer.stop());
    await peer.waitFor((event) => event.event === 'assigned' && event.assignment.length === PARTITIONS);

    const changes = new Changes();
    const pod = await startPod(kafka.brokers, groupId, topic, 'pod-a', changes);
    stopsWithTheTest(() => pod.consumer.disconnect());
    await changes.until(() => pod.crashes.length > 0, () => 'the pod to crash');
    const [crash] = pod.crashes;
    expect(crash).toBeInstanceOf(InconsistentGroupProtocolError);
    expect(crash).toMatchObject({ groupId, memberProtocols: ['active-standby'], group: { kind: 'classic', protocol: 'range', state: 'Stable' } });
    expect(crash?.message).toContain('this member offers "active-standby", but its members run "range"');
    expect(pod.assignor.isActive()).toBe(false);
  });

  if (kafka.consumerGroupProtocol) {
    test('in a group a consumer-protocol member formed, our members never report active on what the broker assigns, and say so; once it leaves, one is active', async () => {
      const { topic, groupId, stopsWithTheTest } = await topicAndGroup('848-first', PARTITIONS);
      const peer = await consumerProtocolPeer(kafka, groupId, topic);
      stopsWithTheTest(() => peer.stop());
      await peer.waitFor((event) => event.event === 'assigned' && event.assignment.length === PARTITIONS);

      const changes = new Changes();
      const pods = [await startPod(kafka.brokers, groupId, topic, 'pod-a', changes), await startPod(kafka.brokers, groupId, topic, 'pod-b', changes)];
      for (const pod of pods) stopsWithTheTest(() => pod.consumer.disconnect());
      // The broker's uniform assignor spreads the partitions over all three members, ours included.
      await peer.waitFor((event) => event.event === 'assigned' && event.assignment.length < PARTITIONS);
      await changes.until(
        () => pods.every((pod) => pod.assignor.roleState().generationId > 0 && brokerAssignedErrors(pod).length > 0),
        () => 'both pods to be assigned by the broker',
      );
      for (const pod of pods) {
        expect(pod.assignor.isActive()).toBe(false);
        expect(pod.roleChanges).toEqual([]);
        expect(brokerAssignedErrors(pod)[0]?.message).toMatch(/consumer-protocol group, KIP-848.*stays standby/);
      }

      await peer.stop();
      // Without it, the broker turns the group back into a classic one, and active-standby assigns again.
      await changes.until(() => activeCount(pods) === 1, () => 'one of our pods to become active once the consumer-protocol member left');
      expect(pods.flatMap(({ roleChanges }) => roleChanges.map(({ role }) => role))).toEqual(['active']);
    });

    test('with group.consumer.migration.policy=disabled, our members are refused by a consumer-protocol group, with both sides named', async () => {
      const separate = await startKafka({ serverProperties: { 'group.consumer.migration.policy': 'disabled' } });
      try {
        const brokers = [separate.brokers];
        const admin = new Kafka({ clientId: 'policy-disabled', brokers, logLevel: logLevel.NOTHING }).admin();
        await admin.connect();
        const topic = uniqueName('policy-disabled');
        await createTopic(admin, topic, PARTITIONS);
        await admin.disconnect();
        const groupId = uniqueName('policy-disabled');
        const peer = await consumerProtocolPeer({ bootstrap: separate.brokers }, groupId, topic);
        await peer.waitFor((event) => event.event === 'assigned' && event.assignment.length === PARTITIONS);

        const changes = new Changes();
        const pod = await startPod(brokers, groupId, topic, 'pod-a', changes);
        await changes.until(() => pod.crashes.length > 0, () => 'the pod to crash');
        const [crash] = pod.crashes;
        expect(crash).toBeInstanceOf(InconsistentGroupProtocolError);
        expect(crash).toMatchObject({ groupId, memberProtocols: ['active-standby'], group: { kind: 'not-classic' } });
        expect(crash?.message).toMatch(/this member offers "active-standby", but it is not a classic group: it is a consumer-protocol \(KIP-848\) group/);
        expect(pod.assignor.isActive()).toBe(false);
        await pod.consumer.disconnect();
        await peer.stop();
      } finally {
        await separate.stop();
      }
    });
  } else {
    test('a broker without the consumer protocol refuses a consumer-protocol member that would be first, and our group forms as usual', async () => {
      const { topic, groupId, stopsWithTheTest } = await topicAndGroup('848-first', PARTITIONS);
      const peer = await consumerProtocolPeer(kafka, groupId, topic);
      stopsWithTheTest(() => peer.stop());
      expect(await peerError(peer)).toMatch(/UnsupportedVersionException/);

      const changes = new Changes();
      const pods = [await startPod(kafka.brokers, groupId, topic, 'pod-a', changes), await startPod(kafka.brokers, groupId, topic, 'pod-b', changes)];
      for (const pod of pods) stopsWithTheTest(() => pod.consumer.disconnect());
      await changes.until(() => activeCount(pods) === 1, () => 'one active pod');
      expect(pods.flatMap(brokerAssignedErrors)).toEqual([]);
    });
  }
});
