import { describe, expect, it } from 'vitest';
import { kafkajsAssigner, type Assignor, type HeartbeatMetadata } from '@kafka-assignors/core';
import { perTopicRoundRobinAssignor } from '../support/per-topic-round-robin-assignor.js';
import { InMemoryCoordinator } from './in-memory-coordinator.js';
import { testConsumer, type TopicLayout } from './kafkajs-consumer-group.js';

/** An assignor that records the heartbeats and leaves it is told about. */
function membershipRecorder(name = 'per-topic-round-robin') {
  const heartbeats: HeartbeatMetadata[] = [];
  let leaves = 0;
  const assignor: Assignor = {
    ...perTopicRoundRobinAssignor(),
    name,
    onAssignment: () => undefined,
    onHeartbeat: (heartbeat) => heartbeats.push(heartbeat),
    onLeave: () => (leaves += 1),
  };
  return { assignor, heartbeats, leaves: () => leaves };
}

const layout: TopicLayout = { a: { partitions: 2 } };

describe('kafkajsAssigner membership hooks, driven by KafkaJS itself', () => {
  it('tells the assignor of each heartbeat the coordinator accepts, with the member, generation and session timeout', async () => {
    const coordinator = new InMemoryCoordinator(1);
    const recorder = membershipRecorder();
    const { group } = testConsumer(coordinator, layout, ['a'], [kafkajsAssigner(recorder.assignor)]);
    await group.joinAndSync();
    await group.heartbeat({ interval: 0 });
    await group.heartbeat({ interval: 0 });

    expect(coordinator.heartbeats).toEqual(['member-1', 'member-1']);
    expect(recorder.heartbeats).toEqual([
      { memberId: 'member-1', generationId: 1, sessionTimeoutMs: 30000 },
      { memberId: 'member-1', generationId: 1, sessionTimeoutMs: 30000 },
    ]);
  });

  it('says nothing of a heartbeat the coordinator refuses', async () => {
    const coordinator = new InMemoryCoordinator(1);
    const recorder = membershipRecorder();
    const { group } = testConsumer(coordinator, layout, ['a'], [kafkajsAssigner(recorder.assignor)]);
    await group.joinAndSync();
    coordinator.generationId += 1;
    await expect(group.heartbeat({ interval: 0 })).rejects.toThrow(/illegal generation/);
    expect(recorder.heartbeats).toEqual([]);
  });

  it('tells the assignor when the member leaves, before the LeaveGroup request goes out', async () => {
    const coordinator = new InMemoryCoordinator(1);
    const recorder = membershipRecorder();
    const { group } = testConsumer(coordinator, layout, ['a'], [kafkajsAssigner(recorder.assignor)]);
    await group.joinAndSync();
    await group.leave();
    expect(recorder.leaves()).toBe(1);
    expect(coordinator.leaves).toEqual(['member-1']);
  });

  it('tells only the assignor of the protocol the group chose', async () => {
    const coordinator = new InMemoryCoordinator(1);
    const chosen = membershipRecorder('chosen');
    const offered = membershipRecorder('offered');
    const { group } = testConsumer(coordinator, layout, ['a'], [kafkajsAssigner(chosen.assignor), kafkajsAssigner(offered.assignor)]);
    await group.joinAndSync();
    await group.heartbeat({ interval: 0 });
    await group.leave();
    expect([chosen.heartbeats.length, chosen.leaves()]).toEqual([1, 1]);
    expect([offered.heartbeats.length, offered.leaves()]).toEqual([0, 0]);
  });
});
