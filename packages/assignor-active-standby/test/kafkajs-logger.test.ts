import { afterEach, describe, expect, it, vi } from 'vitest';
import { activeStandbyAssignor } from '@kafka-assignors/assignor-active-standby';
import { kafkajsAssigner } from '@kafka-assignors/core';
// KafkaJS' own ConsumerGroup against an in-memory coordinator: core's test harness, shared by relative path.
import { InMemoryCoordinator } from '../../core/test/kafkajs/in-memory-coordinator.js';
import { testConsumer, type TopicLayout } from '../../core/test/kafkajs/kafkajs-consumer-group.js';
import { recordingLogger } from './support/recording-logger.js';

const layout: TopicLayout = { orders: { partitions: 2 } };

describe('active-standby inside kafkajsAssigner: where it logs', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('logs its decision through the logger KafkaJS gave the assigner, in the namespace active-standby, and not to the console', async () => {
    const consoleInfo = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const assignor = activeStandbyAssignor({ name: 'pod-a' });
    const { group, logs } = testConsumer(new InMemoryCoordinator(1), layout, ['orders'], [kafkajsAssigner(assignor)]);

    await group.joinAndSync();

    const decision = logs.find(({ log }) => log.message === 'Active member: member-1 (elected)');
    expect(decision).toMatchObject({ namespace: 'active-standby', label: 'INFO', log: { activeMemberId: 'member-1', activeName: 'pod-a' } });
    expect(consoleInfo).not.toHaveBeenCalled();
  });

  it('keeps a logger given in its options', async () => {
    const logger = recordingLogger();
    const assignor = activeStandbyAssignor({ name: 'pod-a', logger });
    const { group, logs } = testConsumer(new InMemoryCoordinator(1), layout, ['orders'], [kafkajsAssigner(assignor)]);

    await group.joinAndSync();

    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'info', message: 'Active member: member-1 (elected)' }));
    expect(logs.filter(({ namespace }) => namespace === 'active-standby')).toEqual([]);
  });

  it('logs to the console where no adapter hands it a logger', () => {
    const consoleInfo = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const assignor = activeStandbyAssignor({ name: 'pod-a' });
    const member = { memberId: 'a', groupInstanceId: null, subscription: { topics: ['orders'], userData: assignor.subscriptionUserData({ memberId: null, generationId: -1, assignment: [], topics: ['orders'] }), ownedPartitions: [], generationId: -1, rackId: null } };

    assignor.assign({ members: [member], topics: new Map([['orders', { partitionCount: 2 }]]) });

    expect(consoleInfo).toHaveBeenCalledWith('[active-standby] Active member: a (elected)', expect.objectContaining({ activeMemberId: 'a' }));
  });
});
