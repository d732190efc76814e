import { describe, expect, it } from 'vitest';
import { decodeAssignment, encodeSubscription, kafkajsAssigner, type Assignor } from '@kafka-assignors/core';
import { checkGroup } from '@kafka-assignors/core/internal';
import { assignPerTopicRoundRobin, perTopicRoundRobinAssignor } from '../support/per-topic-round-robin-assignor.js';
import { InMemoryCoordinator } from './in-memory-coordinator.js';
import { fakeCluster } from './kafkajs-consumer-group.js';

/** Refuses a malformed group as the project's assignors do. */
const checkingAssignor: Assignor = {
  ...perTopicRoundRobinAssignor(),
  assign: (group) => {
    checkGroup(group, 'per-topic-round-robin');
    return assignPerTopicRoundRobin(group);
  },
};

function joined(memberId: string, groupInstanceId: string | null = null) {
  const subscription = { topics: ['a'], userData: null, ownedPartitions: [], generationId: -1, rackId: null };
  return { memberId, groupInstanceId, memberMetadata: Buffer.from(encodeSubscription(subscription)) };
}

describe('a JoinGroup response that repeats a member', () => {
  it('leaves the repeat out, logged, and assigns the rest of the group, one entry per member id', async () => {
    const errors: { message: string; extra: object | undefined }[] = [];
    const logger = { info: () => undefined, warn: () => undefined, debug: () => undefined, error: (message: string, extra?: object) => void errors.push({ message, extra }) };
    const cluster = fakeCluster(new InMemoryCoordinator(1), { a: { partitions: 4 } });
    const assigner = kafkajsAssigner(checkingAssignor)({ cluster, groupId: 'g', logger });

    const result = await assigner.assign({
      members: [joined('m-1', 'pod-1'), joined('m-2'), joined('m-1'), joined('m-3', 'pod-1')],
      topics: ['a'],
    });

    const partitions = result.map(({ memberId, memberAssignment }) => [memberId, decodeAssignment(memberAssignment).partitions]);
    expect(partitions).toEqual([
      ['m-1', [{ topic: 'a', partitions: [0, 2] }]],
      ['m-2', [{ topic: 'a', partitions: [1, 3] }]],
      ['m-3', []],
    ]);
    expect(errors).toEqual([
      {
        message: "Member m-1 repeats the member id of an earlier member of the JoinGroup response; it is left out of this generation's assignment",
        extra: { memberId: 'm-1', groupInstanceId: null, protocol: 'per-topic-round-robin' },
      },
      {
        message: "Member m-3 repeats the group instance id of an earlier member of the JoinGroup response; it is left out of this generation's assignment",
        extra: { memberId: 'm-3', groupInstanceId: 'pod-1', protocol: 'per-topic-round-robin' },
      },
    ]);
  });
});
