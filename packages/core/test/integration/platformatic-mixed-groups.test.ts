import { expect, test } from 'vitest';
import { rangeAssignor } from '@kafka-assignors/assignor-range';
import { roundRobinAssignor } from '@kafka-assignors/assignor-roundrobin';
import { cooperativeStickyAssignor, stickyAssignor } from '@kafka-assignors/assignor-sticky';
import { runThreeClientGroup, type GroupClient, type ThreeClientGroupOptions } from '@kafka-assignors/local-kafka';
import { describeWithKafka } from '@kafka-assignors/local-kafka/vitest';

const PARTITIONS = 12;
const PROTOCOLS = {
  range: { createAssignor: rangeAssignor, javaStrategy: 'org.apache.kafka.clients.consumer.RangeAssignor' },
  roundrobin: { createAssignor: roundRobinAssignor, javaStrategy: 'org.apache.kafka.clients.consumer.RoundRobinAssignor' },
  sticky: { createAssignor: stickyAssignor, javaStrategy: 'org.apache.kafka.clients.consumer.StickyAssignor' },
  'cooperative-sticky': { createAssignor: cooperativeStickyAssignor, javaStrategy: 'org.apache.kafka.clients.consumer.CooperativeStickyAssignor' },
} as const;
const LEADERS: readonly GroupClient[] = ['platformatic', 'KafkaJS', 'Java'];
const CASES = (Object.keys(PROTOCOLS) as (keyof typeof PROTOCOLS)[]).flatMap((protocol) => LEADERS.map((leader) => [protocol, leader] as const));

describeWithKafka('a @platformatic/kafka member, a KafkaJS member and a Java member in one group', (kafka) => {
  test.each(CASES)(
    '%s with the %s member leading: every partition assigned once, 4 each, and consumed by its holder',
    async (protocol, leader) => {
      const options: ThreeClientGroupOptions = { ...kafka, ...PROTOCOLS[protocol], protocol, leader, partitions: PARTITIONS };
      const run = await runThreeClientGroup(options);

      expect(run.errors).toEqual([]);
      expect(run.protocol).toBe(protocol);
      expect(run.leader).toBe(leader);
      expect(new Set(run.clients.values())).toEqual(new Set(['KafkaJS', 'platformatic', 'Java']));
      const everyPartition = Array.from({ length: PARTITIONS }, (_, partition) => `${run.topic}-${partition}`).sort();
      expect([...run.assigned.values()].flat().sort()).toEqual(everyPartition);
      expect([...run.assigned.values()].map((partitions) => partitions.length)).toEqual([4, 4, 4]);
      expect(Object.fromEntries(run.consumed)).toEqual(Object.fromEntries(run.assigned));
      expect(run.heldTwice).toEqual([]);
      // The client's stream can deliver records of a partition the member held before the rebalance: a fetch sent
      // then, answered after the new assignment (see the README). Never of a partition it did not hold.
      expect(run.platformaticStale.everHeld).toBe(true);
      if (protocol === 'cooperative-sticky') expect(run.platformaticStale.partitions).toEqual([]);
      console.info(`${protocol}, ${leader} leading: the @platformatic/kafka member's stream delivered records of ${run.platformaticStale.partitions.length} partition(s) it no longer held`);
    },
    180_000,
  );
});
