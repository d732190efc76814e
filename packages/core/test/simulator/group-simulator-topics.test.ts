import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@kafka-assignors/core';
import { GroupSimulator } from '@kafka-assignors/core/simulator';
import { perTopicRoundRobinAssignor } from '../support/per-topic-round-robin-assignor.js';

describe('GroupSimulator topics', () => {
  it('refuses a topic listed twice, which would otherwise keep the last metadata given', () => {
    const create = () =>
      new GroupSimulator({
        createAssignor: () => perTopicRoundRobinAssignor(),
        topics: [
          ['orders', { partitionCount: 3 }],
          ['orders', { partitionCount: 6 }],
        ],
      });
    expect(create).toThrow(InvalidArgumentError);
    expect(create).toThrow(expect.objectContaining({
      functionName: 'GroupSimulator',
      argument: 'options.topics',
      problem: 'lists the topic "orders" twice',
      message: 'GroupSimulator: options.topics lists the topic "orders" twice',
    }));
  });
});
