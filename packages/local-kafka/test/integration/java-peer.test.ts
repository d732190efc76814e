import { Kafka, logLevel } from 'kafkajs';
import { expect, onTestFinished, test } from 'vitest';
import { createTopic, FAST_GROUP, startJavaPeer, uniqueName, type AssignedEvent, type ConsumedEvent } from '../../src/index.js';
import { describeWithKafka } from '../../src/vitest/index.js';

const COOPERATIVE_STICKY = 'org.apache.kafka.clients.consumer.CooperativeStickyAssignor';

describeWithKafka('the Java peer', (kafka) => {
  test('joins a group with the RangeAssignor, consumes every partition, and leaves the group on SIGTERM', async () => {
    const topic = uniqueName('java-peer');
    const groupId = uniqueName('java-peer');
    const client = new Kafka({ clientId: uniqueName('java-peer-test'), brokers: kafka.brokers, logLevel: logLevel.NOTHING });
    const admin = client.admin();
    await admin.connect();
    onTestFinished(async () => {
      await admin.deleteTopics({ topics: [topic] });
      await admin.disconnect();
    });
    await createTopic(admin, topic, 3);
    const producer = client.producer();
    await producer.connect();
    onTestFinished(() => producer.disconnect());
    await producer.send({ topic, messages: [0, 1, 2, 0, 1, 2].map((partition) => ({ value: 'x', partition })) });

    const peer = await startJavaPeer({
      brokers: kafka.bootstrap,
      groupId,
      topics: [topic],
      strategies: ['org.apache.kafka.clients.consumer.RangeAssignor'],
    });
    onTestFinished(async () => {
      await peer.stop();
    });

    const assigned = await peer.waitFor(
      (event): event is AssignedEvent => event.event === 'assigned' && event.partitions.length > 0,
    );
    expect(assigned.partitions).toEqual([0, 1, 2].map((partition) => ({ topic, partition })));
    expect(assigned.assignment).toEqual(assigned.partitions);
    expect(assigned.generation).toBeGreaterThan(0);
    expect(assigned.memberId).toMatch(new RegExp(`^${peer.clientId}-`));
    expect(peer.events[0]).toEqual({ event: 'ready', clientId: peer.clientId, groupId });

    const consumed = await peer.waitFor(
      (event): event is ConsumedEvent =>
        event.event === 'consumed' && event.records.reduce((sum, { count }) => sum + count, 0) === 6,
    );
    expect(consumed.records).toEqual([0, 1, 2].map((partition) => ({ topic, partition, count: 2 })));

    const [stable] = (await admin.describeGroups([groupId])).groups;
    expect(stable).toMatchObject({ state: 'Stable', protocol: 'range' });
    expect(stable?.members.map((member) => member.memberId)).toEqual([assigned.memberId]);

    await expect(peer.stop()).resolves.toEqual({ code: 0, signal: null });
    expect(peer.events.slice(-2)).toEqual([
      { event: 'revoked', partitions: assigned.partitions, generation: assigned.generation, memberId: assigned.memberId },
      { event: 'stopped' },
    ]);
    // Closing sent LeaveGroup: the group is empty at once, not after the session timeout.
    const [left] = (await admin.describeGroups([groupId])).groups;
    expect(left).toMatchObject({ state: 'Empty', members: [] });
  });

  test('under cooperative-sticky, reports what each rebalance added apart from the whole assignment', async () => {
    const topic = uniqueName('java-peer-cooperative');
    const groupId = uniqueName('java-peer-cooperative');
    const admin = new Kafka({ clientId: uniqueName('java-peer-test'), brokers: kafka.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    onTestFinished(async () => {
      await admin.deleteTopics({ topics: [topic] });
      await admin.disconnect();
    });
    await createTopic(admin, topic, 4);
    const start = async (clientId: string) => {
      const peer = await startJavaPeer({
        brokers: kafka.bootstrap,
        groupId,
        topics: [topic],
        strategies: [COOPERATIVE_STICKY],
        clientId,
        sessionTimeoutMs: FAST_GROUP.sessionTimeout,
      });
      onTestFinished(async () => {
        await peer.stop();
      });
      return peer;
    };

    const first = await start('first');
    await first.waitFor((event) => event.event === 'assigned' && event.assignment.length === 4);
    const second = await start('second');
    const handedOver = await second.waitFor((event): event is AssignedEvent => event.event === 'assigned' && event.assignment.length === 2);
    const kept = await first.waitFor((event): event is AssignedEvent => event.event === 'assigned' && event.generation === handedOver.generation);

    // The first member keeps two partitions through both rounds of the hand-over and is added nothing.
    expect(kept.partitions).toEqual([]);
    expect(kept.assignment).toHaveLength(2);
    expect(handedOver.partitions).toEqual(handedOver.assignment);
    expect([...kept.assignment, ...handedOver.assignment].map(({ partition }) => partition).sort()).toEqual([0, 1, 2, 3]);
    const revoked = first.events.find((event) => event.event === 'revoked' && event.partitions.length > 0);
    expect(revoked).toMatchObject({ partitions: handedOver.assignment });
  });
});
