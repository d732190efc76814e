import { Kafka, logLevel } from 'kafkajs';
import { expect, onTestFinished, test } from 'vitest';
import { createTopic, startJavaPeer, uniqueName, type ConsumedEvent, type PartitionsEvent } from '../../src/index.js';
import { describeWithKafka } from '../../src/vitest/index.js';

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
      (event): event is PartitionsEvent => event.event === 'assigned' && event.partitions.length > 0,
    );
    expect(assigned.partitions).toEqual([0, 1, 2].map((partition) => ({ topic, partition })));
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
});
