import { expect, test } from 'vitest';
import { rangeAssignor } from '@kafka-assignors/assignor-range';
import { runCli } from '@kafka-assignors/cli';
import { memoryInput } from '../lab/memory-input.js';
import { startTwoActiveStandbyPods } from './two-active-standby-pods.js';
import type { Assignor, TopicPartitions } from '@kafka-assignors/core';
import { FAST_GROUP, GroupLedger, startJavaPeer, startKafkaJSMember, uniqueName, type PeerEvent } from '@kafka-assignors/local-kafka';
import { describeWithKafka, testTopics } from '@kafka-assignors/local-kafka/vitest';
import type { GroupDescription, MemberDescription, SubscriptionDescription } from '../../src/describe/group-description.js';

const JAVA_RANGE = 'org.apache.kafka.clients.consumer.RangeAssignor';
const PARTITIONS = 6;
/** describe reads no file and no standard input. */
const noInput = memoryInput();

type Assigned = Extract<PeerEvent, { event: 'assigned' }>;
const isAssigned = (event: PeerEvent): event is Assigned => event.event === 'assigned';

function held(partitions: readonly TopicPartitions[]): string[] {
  return partitions.flatMap(({ topic, partitions: numbers }) => numbers.map((partition) => `${topic}-${partition}`)).sort();
}

function subscriptionOf(member: MemberDescription | undefined): SubscriptionDescription {
  const subscription = member?.subscription;
  if (subscription === null || subscription === undefined || !('version' in subscription)) throw new Error(`no readable subscription: ${JSON.stringify(member)}`);
  return subscription;
}

function assignedTo(member: MemberDescription | undefined): string[] {
  const assignment = member?.assignment;
  if (assignment === null || assignment === undefined || !('version' in assignment)) throw new Error(`no readable assignment: ${JSON.stringify(member)}`);
  return held(assignment.partitions);
}

/** The latest of `generations` below `generation`; -1 when there is none. */
function previous(generations: readonly number[], generation: number): number {
  return Math.max(-1, ...generations.filter((id) => id < generation));
}

describeWithKafka('kafka-assignors describe on a real broker', (kafka) => {
  const topicAndGroup = testTopics(kafka, 'describe-it');

  async function runDescribe(groupId: string, ...options: string[]) {
    return runCli(['describe', '--brokers', kafka.bootstrap, '--group', groupId, ...options], noInput);
  }

  async function describeJson(groupId: string): Promise<GroupDescription> {
    const result = await runDescribe(groupId, '--json');
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    return JSON.parse(result.stdout) as GroupDescription;
  }

  test('a range group of two KafkaJS members and a static Java member: each member with its subscription and what it holds', async () => {
    const { topic, groupId, stopsWithTheTest } = await topicAndGroup('describe-range', PARTITIONS);
    const java = await startJavaPeer({
      brokers: kafka.bootstrap,
      groupId,
      topics: [topic],
      strategies: [JAVA_RANGE],
      clientId: 'java-member',
      groupInstanceId: 'java-static',
      sessionTimeoutMs: FAST_GROUP.sessionTimeout,
    });
    stopsWithTheTest(() => java.stop());
    await java.waitFor(isAssigned);
    const ledger = new GroupLedger();
    const generationsOf = new Map<string, number[]>();
    const recordingGenerations: Assignor = {
      ...rangeAssignor(),
      onAssignment: (_assignment, { memberId, generationId }) => generationsOf.set(memberId, [...(generationsOf.get(memberId) ?? []), generationId]),
    };
    for (const clientId of ['node-a', 'node-b']) {
      const member = await startKafkaJSMember({ brokers: kafka.brokers, groupId, topic, clientId, assignor: recordingGenerations, ledger });
      stopsWithTheTest(() => member.stop());
    }
    // Settled: the two KafkaJS members hold two thirds of the partitions in one generation, the Java member the rest.
    const kafkajsHolding = () => ledger.latestGeneration()?.members.flatMap(({ partitions }) => partitions).length ?? 0;
    await ledger.changes.until(
      () => ledger.latestGeneration()?.members.length === 2 && kafkajsHolding() === (PARTITIONS * 2) / 3,
      () => `two KafkaJS members holding ${(PARTITIONS * 2) / 3} partitions; ${ledger.describe()}`,
    );
    const settled = ledger.latestGeneration();
    if (settled === undefined) throw new Error('no settled generation');
    const javaAssigned = await java.waitFor((event): event is Assigned => isAssigned(event) && event.generation === settled.generationId);

    const group = await describeJson(groupId);

    expect(group).toMatchObject({ groupId, state: 'Stable', protocolType: 'consumer', protocol: 'range' });
    expect(group.members.map(({ memberId }) => memberId).sort()).toEqual([javaAssigned.memberId, ...settled.members.map(({ memberId }) => memberId)].sort());
    const javaMember = group.members.find(({ memberId }) => memberId === javaAssigned.memberId);
    expect(javaMember).toMatchObject({ groupInstanceId: 'java-static', clientId: 'java-member' });
    expect(assignedTo(javaMember)).toEqual(held([{ topic, partitions: javaAssigned.partitions.map(({ partition }) => partition) }]));
    const javaGenerations = java.events.filter(isAssigned).map(({ generation }) => generation);
    expect(subscriptionOf(javaMember)).toMatchObject({ topics: [topic], generationId: previous(javaGenerations, settled.generationId), rackId: null, userData: null });

    for (const { memberId, partitions } of settled.members) {
      const member = group.members.find((candidate) => candidate.memberId === memberId);
      expect(member?.groupInstanceId).toBeNull();
      expect(['node-a', 'node-b']).toContain(member?.clientId);
      // KafkaJS member ids are the client id and a UUID.
      expect(memberId.startsWith(`${member?.clientId}-`)).toBe(true);
      expect(assignedTo(member)).toEqual([...partitions].sort());
      // A member's subscription carries the generation it held when it joined: its previous one.
      const generationId = previous(generationsOf.get(memberId) ?? [], settled.generationId);
      expect(subscriptionOf(member)).toMatchObject({ topics: [topic], generationId, userData: null });
    }
  });

  test('an active-standby group: which member is active, as the members themselves know it, with their names and priorities', async () => {
    const { topic, groupId, stopsWithTheTest } = await topicAndGroup('describe-active-standby', PARTITIONS);
    const { active, standby } = await startTwoActiveStandbyPods({ brokers: kafka.brokers, groupId, topic, stopsWithTheTest });
    const activeId = active.memberId;
    expect(standby.assignor.roleState()).toMatchObject({ role: 'standby', activeMemberId: activeId });

    const group = await describeJson(groupId);

    expect(group).toMatchObject({ state: 'Stable', protocol: 'active-standby', activeStandby: { activeMemberId: activeId } });
    for (const [pod, role] of [[active, 'active'], [standby, 'standby']] as const) {
      const member = group.members.find(({ memberId }) => memberId === pod.memberId);
      expect(member?.activeStandby).toEqual({ role, name: pod.name, priority: pod.priority, eligible: true });
      expect(member?.assignment).toMatchObject({ userData: { decoded: { format: 'active-standby-role', designation: role, activeMemberId: activeId } } });
      expect(assignedTo(member)).toHaveLength(role === 'active' ? PARTITIONS : 0);
    }

    const text = await runDescribe(groupId);
    expect(text.stdout).toContain(`active          ${activeId} (${active.name})`);
  });

  test('a group that does not exist: one line on standard error, exit status 1', async () => {
    const groupId = uniqueName('describe-missing');
    expect(await runDescribe(groupId)).toEqual({ exitCode: 1, stdout: '', stderr: `kafka-assignors: group "${groupId}" does not exist on ${kafka.bootstrap}\n` });
  });

  if (kafka.consumerGroupProtocol) {
    test('a consumer-protocol (KIP-848) group: says what kind of group it is, not that it does not exist', async () => {
      const { topic, groupId, stopsWithTheTest } = await topicAndGroup('describe-848', PARTITIONS);
      const java = await startJavaPeer({ brokers: kafka.bootstrap, groupId, topics: [topic], groupProtocol: 'consumer', clientId: 'java-848' });
      stopsWithTheTest(() => java.stop());
      await java.waitFor((event) => isAssigned(event) && event.assignment.length === PARTITIONS);
      const result = await runDescribe(groupId);
      expect(result).toMatchObject({ exitCode: 1, stdout: '' });
      expect(result.stderr).toMatch(new RegExp(`^kafka-assignors: group "${groupId}" is a consumer-protocol group \\(KIP-848\\): .*the broker assigns their partitions`));
    });
  }
});
