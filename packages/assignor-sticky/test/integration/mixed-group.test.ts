import { expect, test } from 'vitest';
import { runMixedGroup } from '@kafka-assignors/local-kafka';
import { describeWithKafka } from '@kafka-assignors/local-kafka/vitest';
import { cooperativeStickyAssignor, stickyAssignor } from '@kafka-assignors/assignor-sticky';

const PARTITIONS = 12;
const STRATEGIES = {
  sticky: { createAssignor: stickyAssignor, javaStrategy: 'org.apache.kafka.clients.consumer.StickyAssignor' },
  'cooperative-sticky': { createAssignor: cooperativeStickyAssignor, javaStrategy: 'org.apache.kafka.clients.consumer.CooperativeStickyAssignor' },
} as const;
const CASES = (['sticky', 'cooperative-sticky'] as const).flatMap((protocol) => (['KafkaJS', 'Java'] as const).map((leader) => [protocol, leader] as const));

type Holdings = ReadonlyMap<string, readonly string[]>;

/** Partitions whose holder differs between the two assignments. */
function partitionsMoved(before: Holdings, after: Holdings): number {
  const holderAfter = new Map([...after].flatMap(([memberId, partitions]) => partitions.map((partition) => [partition, memberId] as const)));
  return [...before].flatMap(([memberId, partitions]) => partitions.filter((partition) => holderAfter.get(partition) !== memberId)).length;
}

/** Of what `memberId` held before, what it no longer holds. */
function givenUp(memberId: string, before: Holdings, after: Holdings): string[] {
  return (before.get(memberId) ?? []).filter((partition) => !(after.get(memberId) ?? []).includes(partition));
}

describeWithKafka('sticky and cooperative-sticky in a group of two KafkaJS consumers and one Java consumer', (kafka) => {
  test.each(CASES)(
    '%s with the %s member leading: a balanced split that every member consumes, kept by the survivors of a departure',
    async (protocol, leader) => {
      const run = await runMixedGroup({ ...kafka, ...STRATEGIES[protocol], leader, partitions: PARTITIONS, stopKafkaJSFollower: true });

      expect(run.protocol).toBe(protocol);
      expect(run.kafkajsLeads).toBe(leader === 'KafkaJS');
      expect(run.kafkajsCrashes).toEqual([]);
      // Java's split of a fresh group is not ours, so only its properties are checked: each partition once, 4 each.
      const everyPartition = Array.from({ length: PARTITIONS }, (_, partition) => `${run.topic}-${partition}`).sort();
      expect([...run.assigned.values()].flat().sort()).toEqual(everyPartition);
      expect([...run.assigned.values()].map((partitions) => partitions.length)).toEqual([4, 4, 4]);
      expect(Object.fromEntries(run.consumed)).toEqual(Object.fromEntries(run.assigned));
      // The last KafkaJS member to join takes partitions from the Java member. Under sticky everyone gives up
      // everything before rejoining, so one round assigns them; under cooperative-sticky the Java member still
      // owns them during that round, so the leader holds them back until it has revoked them and rejoined.
      expect(run.rounds).toBe(protocol === 'sticky' ? 1 : 2);

      const departure = run.afterDeparture;
      expect(departure).toBeDefined();
      if (departure === undefined) return;
      const survivors = [...departure.assigned.keys()];
      expect(survivors).not.toContain(departure.memberId);
      expect(survivors).toContain(run.javaMemberId);
      expect([...departure.assigned.values()].flat().sort()).toEqual(everyPartition);
      expect([...departure.assigned.values()].map((partitions) => partitions.length)).toEqual([6, 6]);
      expect(departure.rounds).toBe(1);
      const kafkajsSurvivor = survivors.find((memberId) => memberId !== run.javaMemberId) ?? '';
      const moved = partitionsMoved(run.assigned, departure.assigned);
      const kafkajsSurvivorGaveUp = givenUp(kafkajsSurvivor, run.assigned, departure.assigned);
      console.info(
        `${protocol}, ${leader} leading: settled in ${run.rounds} round(s); the departure of a KafkaJS member moved ${moved} of ${PARTITIONS} ` +
          `partitions (the KafkaJS survivor gave up ${kafkajsSurvivorGaveUp.length}), settled in ${departure.rounds} round(s)`,
      );

      // The Java member reports what it held (user data under sticky, owned partitions under cooperative-sticky).
      expect(givenUp(run.javaMemberId, run.assigned, departure.assigned)).toEqual([]);
      if (protocol === 'sticky') {
        // So does a KafkaJS member under sticky: only the departed member's partitions move.
        expect(kafkajsSurvivorGaveUp).toEqual([]);
        expect(moved).toBe(PARTITIONS / 3);
      }
      // Under cooperative-sticky a KafkaJS member rebalances eagerly and reports no owned partitions (see the
      // README), so its partitions are free for anyone: how many it keeps depends on how the member ids sort.
    },
    120_000,
  );
});
