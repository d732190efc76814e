import { describe, expect, it } from 'vitest';
import { kafkajsAssigner, type Assignor, type AssignorLogger } from '@kafka-assignors/core';
import { perTopicRoundRobinAssignor } from '../support/per-topic-round-robin-assignor.js';
import { InMemoryCoordinator } from './in-memory-coordinator.js';
import { fakeCluster, testConsumer } from './kafkajs-consumer-group.js';

/** An assignor that logs one line through each logger it is handed. */
function loggingAssignor(): Assignor & { readonly handed: AssignorLogger[] } {
  const handed: AssignorLogger[] = [];
  return {
    ...perTopicRoundRobinAssignor(),
    handed,
    useLogger: (logger) => {
      handed.push(logger);
      logger.info('handed over', { assignor: 'per-topic-round-robin' });
    },
  };
}

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

describe('kafkajsAssigner hands its logger to the assignor', () => {
  it('once, when KafkaJS creates the assigner, in a namespace named after the assignor', () => {
    const assignor = loggingAssignor();
    const { logs } = testConsumer(new InMemoryCoordinator(1), { a: { partitions: 1 } }, ['a'], [kafkajsAssigner(assignor)]);

    expect(assignor.handed).toHaveLength(1);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ namespace: 'per-topic-round-robin', log: { message: 'handed over', assignor: 'per-topic-round-robin' } });
  });

  it('as it is, when the logger has no namespaces', () => {
    const assignor = loggingAssignor();
    kafkajsAssigner(assignor)({ cluster: fakeCluster(new InMemoryCoordinator(1), {}), groupId: 'g', logger: silent });

    expect(assignor.handed).toEqual([silent]);
  });

  it('refuses a useLogger that is not a function', () => {
    expect(() => kafkajsAssigner({ ...perTopicRoundRobinAssignor(), useLogger: 'console' } as unknown as Assignor)).toThrow(/assignor\.useLogger.*must be a function or absent/);
  });
});
