import { expect, test } from 'vitest';
import { runRollingRestart, type RollingRestartOptions } from '@kafka-assignors/local-kafka';
import { describeWithKafka } from '@kafka-assignors/local-kafka/vitest';

const SETUP = { partitions: 24, pods: 3, produceIntervalMs: 50 } as const;
// Each restart hands the stopped pod's 8 partitions to the others, then 8 back to it when it returns.
const FEWEST_MOVES = SETUP.pods * 2 * (SETUP.partitions / SETUP.pods);

describeWithKafka('a rolling restart of three pods under a steady producer (what npm run bench:rolling-restart measures)', (kafka) => {
  test.each([
    ['KafkaJS', 'sticky'],
    ['platformatic', 'cooperative-sticky'],
  ] as const)('%s pods with %s lose nothing, never share a partition, and move the fewest partitions', async (client, protocol) => {
    const options: RollingRestartOptions = { brokers: kafka.brokers, client, protocol, ...SETUP };
    const run = await runRollingRestart(options);
    expect(run.lost).toBe(0);
    expect(run.heldTwice).toEqual([]);
    expect(run.moved).toBe(FEWEST_MOVES);
    expect(run.perPartition).toHaveLength(SETUP.partitions);
  }, 180_000);
});
