import { describe, expect, it } from 'vitest';
import { encodeAssignment, InconsistentGroupProtocolError, kafkajsAssigner } from '@kafka-assignors/core';
import { perTopicRoundRobinAssignor } from '../support/per-topic-round-robin-assignor.js';
import { recordingAssignor } from '../support/recording-assignor.js';
import { InMemoryCoordinator } from './in-memory-coordinator.js';
import { testConsumer, type TopicLayout } from './kafkajs-consumer-group.js';

const layout: TopicLayout = { a: { partitions: 4 } };
/** KafkaJS' level of error entries. */
const ERROR = 1;

/**
 * A KIP-848 consumer group as a classic member sees it: the JoinGroup response names no leader, and the
 * SyncGroup response carries the broker's assignment, without user data.
 */
class BrokerAssigningCoordinator extends InMemoryCoordinator {
  constructor(private readonly brokerAssignment: Buffer) {
    super(1);
  }

  override async joinGroup(request: Parameters<InMemoryCoordinator['joinGroup']>[0]): ReturnType<InMemoryCoordinator['joinGroup']> {
    return { ...(await super.joinGroup(request)), leaderId: '', members: [] };
  }

  override syncGroup(): Promise<{ memberAssignment: Buffer }> {
    return Promise.resolve({ memberAssignment: this.brokerAssignment });
  }
}

/** A coordinator that refuses every member with INCONSISTENT_GROUP_PROTOCOL and describes the group as `described`. */
class RefusingCoordinator extends InMemoryCoordinator {
  readonly refusal = Object.assign(new Error("The group member's supported protocols are incompatible with those of existing members"), {
    type: 'INCONSISTENT_GROUP_PROTOCOL',
    retriable: false,
  });

  constructor(private readonly described: () => Promise<{ groups: { groupId: string; state: string; protocolType: string; protocol: string }[] }>) {
    super(1);
  }

  override joinGroup(): ReturnType<InMemoryCoordinator['joinGroup']> {
    return Promise.reject(this.refusal);
  }

  describeGroups(): ReturnType<RefusingCoordinator['described']> {
    return this.described();
  }
}

function brokerAssignment(partitions: number[]): Buffer {
  return Buffer.from(encodeAssignment({ partitions: [{ topic: 'a', partitions }], userData: null }, 3));
}

describe('a classic member in a KIP-848 consumer group', () => {
  it('passes on the assignment the broker chose, marked assignedByBroker, and logs at error level that its assignor ran nowhere', async () => {
    const coordinator = new BrokerAssigningCoordinator(brokerAssignment([1, 3]));
    const assignor = recordingAssignor(perTopicRoundRobinAssignor());
    const { group, logs } = testConsumer(coordinator, layout, ['a'], [kafkajsAssigner(assignor)]);
    await group.joinAndSync();

    expect(assignor.groups).toEqual([]);
    expect(assignor.received).toHaveLength(1);
    expect(assignor.received[0]?.assignment.partitions).toEqual([{ topic: 'a', partitions: [1, 3] }]);
    expect(assignor.received[0]?.metadata).toMatchObject({ memberId: 'member-1', generationId: 1, assignedByBroker: true });
    const errors = logs.filter(({ level }) => level === ERROR).map(({ log }) => log);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ groupId: 'test-group', memberId: 'member-1', generationId: 1, protocol: assignor.name });
    expect(errors[0]?.message).toMatch(/Group test-group is a consumer-protocol \(KIP-848\) group.*ran nowhere.*group\.consumer\.migration\.policy=disabled/);
  });

  it('leaves assignedByBroker out when a leader assigned', async () => {
    const coordinator = new InMemoryCoordinator(1);
    const assignor = recordingAssignor(perTopicRoundRobinAssignor());
    const { group, logs } = testConsumer(coordinator, layout, ['a'], [kafkajsAssigner(assignor)]);
    await group.joinAndSync();
    expect(assignor.received[0]?.metadata).not.toHaveProperty('assignedByBroker');
    expect(logs.filter(({ level }) => level === ERROR)).toEqual([]);
  });
});

describe('a member refused with INCONSISTENT_GROUP_PROTOCOL', () => {
  const join = async (coordinator: RefusingCoordinator) => {
    const { group } = testConsumer(coordinator, layout, ['a'], [kafkajsAssigner(perTopicRoundRobinAssignor())]);
    return group.joinAndSync().then(
      () => expect.unreachable('the join should fail'),
      (error: unknown) => error,
    );
  };

  it("names the member's protocols and those of a stable classic group, keeping KafkaJS' error as the cause", async () => {
    const coordinator = new RefusingCoordinator(() =>
      Promise.resolve({ groups: [{ groupId: 'test-group', state: 'Stable', protocolType: 'consumer', protocol: 'range' }] }),
    );
    const error = await join(coordinator);
    expect(error).toBeInstanceOf(InconsistentGroupProtocolError);
    expect(error).toMatchObject({
      type: 'INCONSISTENT_GROUP_PROTOCOL',
      retriable: false,
      groupId: 'test-group',
      memberProtocols: ['per-topic-round-robin'],
      group: { kind: 'classic', protocol: 'range', state: 'Stable' },
      cause: coordinator.refusal,
    });
    expect((error as Error).message).toBe(
      'group "test-group" refused this member (INCONSISTENT_GROUP_PROTOCOL): this member offers "per-topic-round-robin", ' +
        'but its members run "range". See "Consumer-protocol (KIP-848) groups and mixed clients" in the kafka-assignors README.',
    );
  });

  it('says a group the coordinator has no classic group of is a consumer-protocol group', async () => {
    const error = await join(new RefusingCoordinator(() => Promise.resolve({ groups: [{ groupId: 'test-group', state: 'Dead', protocolType: '', protocol: '' }] })));
    expect(error).toMatchObject({ group: { kind: 'not-classic' } });
    expect((error as Error).message).toMatch(/it is not a classic group: it is a consumer-protocol \(KIP-848\) group.*group\.consumer\.migration\.policy/);
  });

  it('says when the group is rebalancing, and so names no protocol yet', async () => {
    const error = await join(
      new RefusingCoordinator(() => Promise.resolve({ groups: [{ groupId: 'test-group', state: 'PreparingRebalance', protocolType: 'consumer', protocol: '' }] })),
    );
    expect((error as Error).message).toMatch(/its members run other protocols \(the group is PreparingRebalance.*kafka-assignors describe test-group/);
  });

  it('still names its own side when describing the group fails too', async () => {
    const error = await join(new RefusingCoordinator(() => Promise.reject(new Error('connection closed'))));
    expect(error).toMatchObject({ group: { kind: 'unknown', reason: 'connection closed' }, memberProtocols: ['per-topic-round-robin'] });
    expect((error as Error).message).toMatch(/this member offers "per-topic-round-robin", but describing the group failed too \(connection closed\)/);
  });
});
