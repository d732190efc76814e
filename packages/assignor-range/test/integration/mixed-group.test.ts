import { expect, test } from 'vitest';
import { expectedAssignment, runMixedGroup } from '@kafka-assignors/local-kafka';
import { describeWithKafka } from '@kafka-assignors/local-kafka/vitest';
import { rangeAssignor } from '@kafka-assignors/assignor-range';

describeWithKafka('range in a group of two KafkaJS consumers and one Java consumer', (kafka) => {
  test.each(['KafkaJS', 'Java'] as const)('with the %s member leading, every member gets and consumes exactly the range split', async (leader) => {
    const run = await runMixedGroup({
      ...kafka,
      createAssignor: rangeAssignor,
      javaStrategy: 'org.apache.kafka.clients.consumer.RangeAssignor',
      leader,
      partitions: 7,
    });

    expect(run.protocol).toBe('range');
    expect(run.kafkajsLeads).toBe(leader === 'KafkaJS');
    const expected = expectedAssignment(run, rangeAssignor());
    expect(Object.fromEntries(run.assigned)).toEqual(expected);
    expect(Object.fromEntries(run.consumed)).toEqual(expected);
  });
});
