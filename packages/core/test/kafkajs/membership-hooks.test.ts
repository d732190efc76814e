import { describe, expect, it } from 'vitest';
import { AssignorInUseError, kafkajsAssigner, type AssignmentMetadata, type Assignor, type HeartbeatMetadata } from '@kafka-assignors/core';
import { ManualClock } from '@kafka-assignors/core/testing';
import { perTopicRoundRobinAssignor } from '../support/per-topic-round-robin-assignor.js';
import { InMemoryCoordinator } from './in-memory-coordinator.js';
import { testConsumer, type TopicLayout } from './kafkajs-consumer-group.js';

/** An assignor that records the heartbeats and leaves it is told about. */
function membershipRecorder(name = 'per-topic-round-robin') {
  const heartbeats: HeartbeatMetadata[] = [];
  const assignments: AssignmentMetadata[] = [];
  let leaves = 0;
  const assignor: Assignor = {
    ...perTopicRoundRobinAssignor(),
    name,
    onAssignment: (_, metadata) => assignments.push(metadata),
    onHeartbeat: (heartbeat) => heartbeats.push(heartbeat),
    onLeave: () => (leaves += 1),
  };
  return { assignor, heartbeats, assignments, leaves: () => leaves };
}

const layout: TopicLayout = { a: { partitions: 2 } };

/** A coordinator whose every JoinGroup and Heartbeat answer takes `delayMs` on the test's clock to arrive. */
class SlowCoordinator extends InMemoryCoordinator {
  constructor(
    private readonly clock: ManualClock,
    private readonly delayMs: number,
  ) {
    super(1);
  }

  override async joinGroup(request: Parameters<InMemoryCoordinator['joinGroup']>[0]): ReturnType<InMemoryCoordinator['joinGroup']> {
    const response = await super.joinGroup(request);
    this.clock.advance(this.delayMs);
    return response;
  }

  override async heartbeat(request: Parameters<InMemoryCoordinator['heartbeat']>[0]): Promise<object> {
    const response = await super.heartbeat(request);
    this.clock.advance(this.delayMs);
    return response;
  }
}

describe('kafkajsAssigner membership hooks, driven by KafkaJS itself', () => {
  it('tells the assignor of each heartbeat the coordinator accepts, with the member, generation, session timeout and send time', async () => {
    const coordinator = new InMemoryCoordinator(1);
    const recorder = membershipRecorder();
    const clock = new ManualClock();
    const { group } = testConsumer(coordinator, layout, ['a'], [kafkajsAssigner(recorder.assignor, { clock })]);
    await group.joinAndSync();
    clock.advance(1_000);
    await group.heartbeat({ interval: 0 });
    clock.advance(1_000);
    await group.heartbeat({ interval: 0 });

    expect(coordinator.heartbeats).toEqual(['member-1', 'member-1']);
    expect(recorder.heartbeats).toEqual([
      { memberId: 'member-1', generationId: 1, sessionTimeoutMs: 30000, requestSentAt: 1_000 },
      { memberId: 'member-1', generationId: 1, sessionTimeoutMs: 30000, requestSentAt: 2_000 },
    ]);
  });

  it('counts from when each request went out, not from when its answer came back', async () => {
    const clock = new ManualClock();
    const coordinator = new SlowCoordinator(clock, 4_000);
    const recorder = membershipRecorder();
    const { group } = testConsumer(coordinator, layout, ['a'], [kafkajsAssigner(recorder.assignor, { clock })]);
    await group.joinAndSync();
    await group.heartbeat({ interval: 0 });

    expect(clock.now()).toBe(8_000);
    expect(recorder.assignments.map(({ requestSentAt }) => requestSentAt)).toEqual([0]);
    expect(recorder.heartbeats.map(({ requestSentAt }) => requestSentAt)).toEqual([4_000]);
  });

  it('refuses to let one stateful assignor serve two consumers, however the adapters were made', () => {
    const coordinator = new InMemoryCoordinator(2);
    const { assignor } = membershipRecorder();
    testConsumer(coordinator, layout, ['a'], [kafkajsAssigner(assignor)]);
    const second = () => testConsumer(coordinator, layout, ['a'], [kafkajsAssigner(assignor)]);
    expect(second).toThrow(AssignorInUseError);
    expect(second).toThrow(/^this per-topic-round-robin assignor already serves another consumer .*create one assignor per consumer/);
    const adapter = kafkajsAssigner(membershipRecorder().assignor);
    testConsumer(coordinator, layout, ['a'], [adapter]);
    expect(() => testConsumer(coordinator, layout, ['a'], [adapter])).toThrow(AssignorInUseError);
  });

  it('lets assignors without member hooks serve any number of consumers, each with its own member state', async () => {
    const coordinator = new InMemoryCoordinator(2);
    const contexts: (string | null)[] = [];
    const shared: Assignor = { ...perTopicRoundRobinAssignor(), subscriptionUserData: ({ memberId }) => (contexts.push(memberId), null) };
    const consumers = [0, 1].map(() => testConsumer(coordinator, layout, ['a'], [kafkajsAssigner(shared)]));
    await Promise.all(consumers.map(({ group }) => group.joinAndSync()));
    await Promise.all(consumers.map(({ group }) => group.joinAndSync()));
    expect(contexts).toEqual([null, null, 'member-1', 'member-2']);
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
