import { describeActiveStandbyGroup } from '@kafka-assignors/assignor-active-standby';
import { afterEach, expect, test } from 'vitest';
import { describeWithKafka } from '@kafka-assignors/local-kafka/vitest';
import { PodGroup, RECOMMENDED_FAILOVER_SETTINGS, type Pod, type PodClient, type PodEvent } from '@kafka-assignors/demo';

type RoleEvent = Extract<PodEvent, { event: 'role' }>;
const becameActive = (event: PodEvent): event is RoleEvent => event.event === 'role' && event.role === 'active';
const becameStandby = (event: PodEvent): event is RoleEvent => event.event === 'role' && event.role === 'standby';
const SESSION = RECOMMENDED_FAILOVER_SETTINGS.sessionTimeout;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

describeWithKafka('active-standby pods on a real broker, with the recommended settings', (kafka) => {
  const groups: PodGroup[] = [];
  afterEach(async () => {
    await Promise.all(groups.splice(0).map((group) => group.close()));
  });

  async function threePods(client: PodClient = 'kafkajs'): Promise<{ group: PodGroup; first: Pod; second: Pod; third: Pod }> {
    const group = await PodGroup.create({ brokers: kafka.brokers, client });
    groups.push(group);
    const first = await group.start('pod-a', 30);
    await first.waitFor(becameActive);
    const second = await group.start('pod-b', 20);
    const third = await group.start('pod-c', 10);
    return { group, first, second, third };
  }

  test(
    'a killed active is replaced by the next in priority within the session timeout plus 3 s, and no message is lost',
    async () => {
      const failovers: number[] = [];
      const duplicates: number[] = [];
      for (let run = 0; run < 3; run++) {
        const { group, first, second, third } = await threePods();
        group.startProduction();
        await first.waitFor((event) => event.event === 'processed');

        const killedAt = Date.now();
        first.signal('SIGKILL');
        const takeover = await second.waitFor(becameActive, SESSION + 10_000);
        failovers.push(takeover.at - killedAt);
        expect(takeover.reason).toBe('failover');
        expect(third.role()).toBe('standby');

        const produced = await group.stopProduction();
        const processed = () => [...first.processedKeys(), ...second.processedKeys(), ...third.processedKeys()];
        await second.waitFor(() => new Set(processed()).size === produced, 30_000);
        duplicates.push(processed().length - produced);
        await Promise.all(groups.splice(0).map((done) => done.close()));
      }
      console.info(`failover after SIGKILL: ${failovers.join(', ')} ms (median ${median(failovers)} ms); duplicates: ${duplicates.join(', ')}`);
      for (const failover of failovers) expect(failover).toBeLessThan(SESSION + 3_000);
    },
    240_000,
  );

  test('a clean shutdown hands over within 4 s', async () => {
    const { first, second } = await threePods();
    const stoppedAt = Date.now();
    await first.stop();
    const takeover = await second.waitFor(becameActive, 10_000);
    console.info(`handover after a clean shutdown: ${takeover.at - stoppedAt} ms`);
    expect(takeover.at - stoppedAt).toBeLessThan(4_000);
    expect(first.events.filter(becameStandby).at(-1)?.reason).toBe('left');
  }, 90_000);

  test('a standby that joins, even with a higher priority, does not take over', async () => {
    const { group, first } = await threePods();
    const latecomer = await group.start('pod-z', 100);
    expect(latecomer.role()).toBe('standby');
    expect(first.events.filter((event) => event.event === 'role')).toHaveLength(1);
    const view = await describeActiveStandbyGroup(group.admin, group.groupId);
    expect(view.active?.name).toBe('pod-a');
    expect(view.standbys.map((member) => member.name).sort()).toEqual(['pod-b', 'pod-c', 'pod-z']);
  }, 90_000);

  test('a paused active reports standby when it wakes, and its stale claim does not win', async () => {
    const { group, first, second } = await threePods();
    first.signal('SIGSTOP');
    const takeover = await second.waitFor(becameActive, SESSION + 10_000);
    expect(takeover.reason).toBe('failover');

    first.signal('SIGCONT');
    const fenced = await first.waitFor(becameStandby, 30_000);
    expect(fenced.reason).toBe('session-lost');
    // The coordinator expired the paused pod: it rejoins under a new member id, and its old claim is void.
    await first.waitFor((event) => event.event === 'joined' && event.memberId !== fenced.memberId, 30_000);
    const view = await describeActiveStandbyGroup(group.admin, group.groupId);
    expect(view.active?.name).toBe('pod-b');
    expect(first.role()).toBe('standby');
    expect(second.role()).toBe('active');
  }, 120_000);

  // The demo's pods on @platformatic/kafka (`npm run demo -- --client platformatic`). Their leader writes one role
  // record for all, so a member learns its role from its partitions and a takeover reads as `elected`.
  test('on @platformatic/kafka: a killed active is replaced within the session timeout plus 3 s, a clean stop hands over within 4 s, and nothing is lost', async () => {
    const { group, first, second, third } = await threePods('platformatic');
    group.startProduction();
    await first.waitFor((event) => event.event === 'processed');
    const latecomer = await group.start('pod-z', 100);
    expect(latecomer.role()).toBe('standby');

    const killedAt = Date.now();
    first.signal('SIGKILL');
    const takeover = await latecomer.waitFor(becameActive, SESSION + 10_000);
    expect(takeover.at - killedAt).toBeLessThan(SESSION + 3_000);
    expect([second, third].map((pod) => pod.role())).toEqual(['standby', 'standby']);

    const stoppedAt = Date.now();
    await latecomer.stop();
    const handover = await second.waitFor(becameActive, 10_000);
    expect(handover.at - stoppedAt).toBeLessThan(4_000);
    console.info(`@platformatic/kafka pods: failover after SIGKILL ${takeover.at - killedAt} ms, handover after a clean stop ${handover.at - stoppedAt} ms`);

    const produced = await group.stopProduction();
    const processed = () => [first, second, third, latecomer].flatMap((pod) => pod.processedKeys());
    await second.waitFor(() => new Set(processed()).size === produced, 30_000);
  }, 120_000);
});
