import { expect, onTestFinished, test } from 'vitest';
import { activeStandbyAssignor } from '@kafka-assignors/assignor-active-standby';
import { Changes, GroupLedger, openTestGroup, startKafkaJSMember, startPlatformaticMember, type PlatformaticMember } from '@kafka-assignors/local-kafka';
import { describeWithKafka } from '@kafka-assignors/local-kafka/vitest';

const PARTITIONS = 6;

type Assigned = Extract<PlatformaticMember['events'][number], { event: 'assigned' }>;
const lastAssigned = (member: PlatformaticMember): Assigned | undefined =>
  member.events.filter((event): event is Assigned => event.event === 'assigned').at(-1);

describeWithKafka('active-standby on @platformatic/kafka members', (kafka) => {
  async function group() {
    const testGroup = await openTestGroup(kafka.brokers, 'as-platformatic', PARTITIONS);
    onTestFinished(() => testGroup.close());
    const changes = new Changes();
    const start = async (clientId: string) => {
      const member = await startPlatformaticMember({ brokers: kafka.brokers, groupId: testGroup.groupId, topics: [testGroup.topic], clientId, assignor: 'active-standby' });
      onTestFinished(() => member.stop().then(() => undefined));
      member.onEvent(() => changes.changed());
      return member;
    };
    /** What each of `live` was last assigned, once all of them were assigned in one generation after `after`. */
    const settled = async (live: PlatformaticMember[], after = -1): Promise<Assigned[]> => {
      const latest = () => live.map((member) => lastAssigned(member));
      await changes.until(
        () => latest().every((assigned) => assigned !== undefined && assigned.generationId > after && assigned.generationId === latest()[0]?.generationId),
        () => `${live.length} members assigned in one generation after ${after}: ${JSON.stringify(latest())}`,
      );
      return latest() as Assigned[];
    };
    return { testGroup, start, settled };
  }

  test('with a @platformatic/kafka leader: exactly one member is active and holds every partition, and another takes over when it leaves', async () => {
    const { start, settled } = await group();
    const members = [await start('pod-a'), await start('pod-b'), await start('pod-c')];
    // The leader's client writes one role record for all, which lets each member's partitions designate it.
    const first = await settled(members);
    expect(first.map(({ active }) => active).filter(Boolean)).toHaveLength(1);
    const activeIndex = first.findIndex(({ active }) => active === true);
    expect(first[activeIndex]?.partitions).toHaveLength(PARTITIONS);
    expect(first.filter((_, index) => index !== activeIndex).flatMap(({ partitions }) => partitions)).toEqual([]);
    expect(first.every(({ userData }) => userData === '0002' + '00' + '01' + 'ffff' + 'ffff' + '01')).toBe(true);

    await members[activeIndex]?.stop();
    const survivors = members.filter((_, index) => index !== activeIndex);
    const second = await settled(survivors, first[0]?.generationId);
    expect(second.map(({ active }) => active).filter(Boolean)).toHaveLength(1);
    expect(second.find(({ active }) => active === true)?.partitions).toHaveLength(PARTITIONS);
  }, 120_000);

  test('with a KafkaJS leader: @platformatic/kafka members read their own role records', async () => {
    const { testGroup, start } = await group();
    const leaderAssignor = activeStandbyAssignor({ name: 'kafkajs-pod', priority: -1 });
    const leader = await startKafkaJSMember({ brokers: kafka.brokers, groupId: testGroup.groupId, topic: testGroup.topic, clientId: 'kafkajs-pod', assignor: leaderAssignor, ledger: new GroupLedger() });
    onTestFinished(() => leader.stop());
    const follower = await start('pod-b');
    const assigned = await follower.waitFor((event): event is Assigned => event.event === 'assigned' && event.userData !== null && event.userData.startsWith('0001'));
    // A version 1 record of its own: the KafkaJS leader writes one per member, naming the active.
    expect(assigned.userData?.slice(4, 6)).toBe(assigned.active === true ? '01' : '00');
    expect(leader.isLeader()).toBe(true);
  }, 120_000);
});
