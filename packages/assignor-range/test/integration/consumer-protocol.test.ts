import { Kafka, logLevel, type Consumer, type LogEntry } from 'kafkajs';
import { expect, test } from 'vitest';
import { rangeAssignor } from '@kafka-assignors/assignor-range';
import { kafkajsAssigner, type AssignmentMetadata, type Assignor, type MemberAssignment } from '@kafka-assignors/core';
import { Changes, FAST_GROUP, startJavaPeer, uniqueName } from '@kafka-assignors/local-kafka';
import { describeWithKafka, testTopics } from '@kafka-assignors/local-kafka/vitest';

const PARTITIONS = 4;

/** A KafkaJS member with our range assignor, counting the times it assigned as leader and keeping what it received. */
interface RangeMember {
  readonly consumer: Consumer;
  readonly logs: LogEntry[];
  readonly received: { assignment: MemberAssignment; metadata: AssignmentMetadata }[];
  assigns(): number;
}

async function startRangeMember(brokers: string[], groupId: string, topic: string, clientId: string, changes: Changes): Promise<RangeMember> {
  const range = rangeAssignor();
  let assigns = 0;
  const received: RangeMember['received'] = [];
  const observed: Assignor = {
    ...range,
    assign: (group) => {
      assigns += 1;
      return range.assign(group);
    },
    onAssignment: (assignment, metadata) => {
      received.push({ assignment, metadata });
      changes.changed();
    },
  };
  const logs: LogEntry[] = [];
  const consumer = new Kafka({ clientId, brokers, logLevel: logLevel.ERROR, logCreator: () => (entry) => logs.push(entry) }).consumer({
    groupId,
    partitionAssigners: [kafkajsAssigner(observed)],
    ...FAST_GROUP,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: () => Promise.resolve() });
  return { consumer, logs, received, assigns: () => assigns };
}

const lastPartitions = (member: RangeMember) => member.received.at(-1)?.assignment.partitions.flatMap(({ partitions }) => partitions) ?? [];

describeWithKafka('a range group meets a consumer-protocol (KIP-848) member', (kafka) => {
  const topicAndGroup = testTopics(kafka, 'range-848-it');

  test(
    kafka.consumerGroupProtocol
      ? "the broker converts the group and its assignor assigns, ours runs nowhere and every member says so; range resumes once the member leaves"
      : 'a broker without the consumer protocol refuses the member, and range goes on assigning',
    async () => {
      const { topic, groupId, stopsWithTheTest } = await topicAndGroup('range-first', PARTITIONS);
      const changes = new Changes();
      const members = [
        await startRangeMember(kafka.brokers, groupId, topic, 'range-a', changes),
        await startRangeMember(kafka.brokers, groupId, topic, 'range-b', changes),
      ];
      for (const member of members) stopsWithTheTest(() => member.consumer.disconnect());
      const rangeSplit = () => members.map(lastPartitions).sort().join(' | ') === '0,1 | 2,3';
      await changes.until(rangeSplit, () => 'the range split of two members');
      const assignsBefore = members.reduce((sum, member) => sum + member.assigns(), 0);

      const peer = await startJavaPeer({ brokers: kafka.bootstrap, groupId, topics: [topic], groupProtocol: 'consumer', clientId: uniqueName('java-848') });
      stopsWithTheTest(() => peer.stop());
      if (!kafka.consumerGroupProtocol) {
        const refusal = await peer.waitFor((event) => event.event === 'error');
        expect(refusal.event === 'error' ? refusal.message : '').toMatch(/UnsupportedVersionException/);
        expect(rangeSplit()).toBe(true);
        return;
      }

      const peerHolding = await peer.waitFor((event) => event.event === 'assigned' && event.assignment.length > 0);
      await changes.until(
        () => members.every((member) => member.received.at(-1)?.metadata.assignedByBroker === true),
        () => 'both members to be assigned by the broker',
      );
      expect(members.reduce((sum, member) => sum + member.assigns(), 0)).toBe(assignsBefore);
      const held = [...members.flatMap(lastPartitions), ...(peerHolding.event === 'assigned' ? peerHolding.assignment.map(({ partition }) => partition) : [])];
      expect(held.sort()).toEqual([0, 1, 2, 3]);
      for (const member of members) {
        expect(member.logs.map(({ log }) => log.message)).toContainEqual(expect.stringMatching(new RegExp(`Group ${groupId} is a consumer-protocol \\(KIP-848\\) group.*range assignor ran nowhere`)));
      }

      await peer.stop();
      await changes.until(
        () => rangeSplit() && members.every((member) => member.received.at(-1)?.metadata.assignedByBroker === undefined),
        () => 'range to assign the two members again',
      );
      expect(members.reduce((sum, member) => sum + member.assigns(), 0)).toBeGreaterThan(assignsBefore);
    },
  );
});
