import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoleChangeReason } from '@kafka-assignors/assignor-active-standby';
import { churnArbitrary, type RebalanceRound } from '@kafka-assignors/core/testing';
import { expectedRound, type PreviousRound, type ReferenceMember } from './support/reference-election.js';
import { SimulatedGroup, type HistoryEvent, type MemberSettings } from './support/simulated-group.js';

const RUNS = 400;
const MIN_ROUNDS = 200;
const DECISIONS = ['kept', 'elected', 'failover', 'preempted', 'no-eligible-member'];
/** Every reason but `session-regained`, which needs a clock (see the role tests). */
const CHANGES = ['elected', 'failover', 'preempted', 'left', 'session-lost', 'reassigned'];
const TOPICS = ['orders', 'payments', 'audit'];

const settingsArbitrary: fc.Arbitrary<MemberSettings> = fc.record({
  priority: fc.integer({ min: -1, max: 2 }),
  name: fc.option(fc.constantFrom('pod-a', 'pod-b', 'pod-c'), { nil: null }),
  preempt: fc.boolean(),
  eligibleAtStart: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  userData: fc.oneof(
    { weight: 8, arbitrary: fc.constant<MemberSettings['userData']>('readable') },
    { weight: 1, arbitrary: fc.constant<MemberSettings['userData']>('garbage') },
    { weight: 1, arbitrary: fc.constant<MemberSettings['userData']>('missing') },
  ),
});

const oneChurnEvent = churnArbitrary({ topicNames: TOPICS, minEvents: 1, maxEvents: 1 }).map(([event]) => event).filter((event) => event !== undefined);

const historyArbitrary = fc.record({
  settings: fc.array(settingsArbitrary, { minLength: 1, maxLength: 6 }),
  /** Whether every member subscribes to the same topics: the case the assignor is made for, so it gets its own share. */
  sameTopics: fc.boolean(),
  /** A few members join first, so that most rounds have a group to elect in. */
  firstJoins: fc.array(oneChurnEvent.filter((event) => event.kind === 'join'), { minLength: 1, maxLength: 4 }),
  events: fc.array(
    fc.oneof(
      { weight: 6, arbitrary: oneChurnEvent },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('set-eligible' as const), member: fc.nat({ max: 64 }), eligible: fc.boolean() }) },
    ),
    { minLength: 10, maxLength: 60 },
  ),
});

/** How often each decision and each reason of a role change came up, to show that the histories reach them all. */
type Tally = Map<string, number>;

function count(tally: Tally, key: string): void {
  tally.set(key, (tally.get(key) ?? 0) + 1);
}

/** Same topics for every member: every join and change of subscription takes all of them. */
function withSameTopics(event: HistoryEvent): HistoryEvent {
  return event.kind === 'join' || event.kind === 'change-subscription' ? { ...event, topics: TOPICS } : event;
}

function referenceMembers(group: SimulatedGroup, round: RebalanceRound): ReferenceMember[] {
  return round.members.map(({ name, memberId }) => {
    const settings = group.settingsOf(name);
    const readable = settings.userData === 'readable';
    const instanceId = group.isStatic(name) ? name : null;
    return {
      memberId,
      topics: group.simulator.context(name).topics,
      readable,
      eligible: readable ? group.isEligible(name) : true,
      preempt: settings.preempt,
      priority: settings.priority,
      name: readable ? (settings.name ?? instanceId) : instanceId,
    };
  });
}

function holdersOf(round: RebalanceRound): Map<string, string> {
  return new Map(round.members.flatMap(({ memberId, partitions }) => partitions.filter((entry) => entry.partitions.length > 0).map(({ topic }) => [topic, memberId] as const)));
}

/** Each member's topics with their partition lists, as it decoded them. */
function holdings(round: RebalanceRound): Record<string, Record<string, number[]>> {
  return Object.fromEntries(
    round.members.map(({ memberId, partitions }) => [memberId, Object.fromEntries(partitions.map(({ topic, partitions: list }) => [topic, [...list].sort((a, b) => a - b)]))]),
  );
}

function expectedHoldings(round: RebalanceRound, holders: ReadonlyMap<string, string>, group: SimulatedGroup): Record<string, Record<string, number[]>> {
  const result: Record<string, Record<string, number[]>> = Object.fromEntries(round.members.map(({ memberId }) => [memberId, {}]));
  for (const [topic, memberId] of holders) {
    const partitionCount = group.simulator.topics.get(topic)?.partitionCount ?? 0;
    const member = result[memberId];
    if (member !== undefined) member[topic] = Array.from({ length: partitionCount }, (_, partition) => partition);
  }
  return result;
}

/** Runs a history, checking every round against the reference election and counting what came up. */
function runHistory(settings: readonly MemberSettings[], events: readonly HistoryEvent[], tally: Tally): void {
  const group = new SimulatedGroup(settings, [
    ['orders', { partitionCount: 4 }],
    ['payments', { partitionCount: 2 }],
  ]);
  let previous: PreviousRound = { activeMemberId: null, memberIds: new Set(), holders: new Map() };
  for (const event of events) {
    group.apply(event);
    while (group.simulator.rebalanceNeeded) {
      const rolesBefore = new Map(group.simulator.memberNames.map((name) => [name, group.assignor(name).roleState()]));
      const round = group.simulator.rebalance();
      const members = referenceMembers(group, round);
      const expected = expectedRound(members, group.simulator.topics, previous);
      count(tally, 'rounds');
      count(tally, `decision ${expected.reason}`);
      if ([...expected.holders.values()].some((memberId) => memberId !== expected.activeMemberId)) count(tally, 'covering');

      // The leader designated the expected active, and every member reads the same active from its record.
      const designated = round.members.filter(({ name }) => group.assignor(name).roleState().designation === 'active');
      expect(designated.map(({ memberId }) => memberId)).toEqual(expected.activeMemberId === null ? [] : [expected.activeMemberId]);
      for (const { name } of round.members) expect(group.assignor(name).roleState().activeMemberId).toBe(expected.activeMemberId);

      // Exactly one member holds each topic, every partition of it: the active its own, each other topic its expected holder.
      expect(holdings(round)).toEqual(expectedHoldings(round, expected.holders, group));

      // A member is active exactly when it holds something or is the active, and hears of each change of role once, with its reason.
      for (const { name, memberId, partitions } of round.members) {
        const state = group.assignor(name).roleState();
        const before = rolesBefore.get(name);
        const isActive = memberId === expected.activeMemberId || partitions.length > 0;
        expect(group.assignor(name).isActive()).toBe(isActive);
        const changes = group.takeRoleChanges(name);
        const previousRole = before?.role ?? 'standby';
        if (previousRole === state.role) {
          expect(changes).toEqual([]);
          continue;
        }
        expect(changes).toHaveLength(1);
        count(tally, `change ${changes[0]?.reason}`);
        expect(changes[0]).toMatchObject({ role: state.role, previousRole, memberId, generationId: round.generationId });
        expect(changes[0]?.reason).toBe(expectedReason(group, name, memberId, before?.memberId ?? null, expected.activeMemberId, expected.reason, before?.designation));
      }
      previous = { activeMemberId: expected.activeMemberId, memberIds: new Set(round.members.map(({ memberId }) => memberId)), holders: holdersOf(round) };
    }
  }
}

function expectedReason(
  group: SimulatedGroup,
  name: string,
  memberId: string,
  previousMemberId: string | null,
  activeMemberId: string | null,
  reason: string,
  previousDesignation: string | undefined,
): RoleChangeReason {
  const becameActive = group.assignor(name).roleState().role === 'active';
  if (becameActive) {
    if (memberId !== activeMemberId) return 'elected';
    return reason === 'failover' || reason === 'preempted' ? reason : 'elected';
  }
  if (previousMemberId !== memberId) return 'session-lost';
  if (!group.isEligible(name)) return 'left';
  if (previousDesignation === 'active' && reason === 'preempted') return 'preempted';
  return 'reassigned';
}

describe('active-standby over random churn, checked round by round against the documented rules', () => {
  it(`elects, keeps, preempts and fails over as documented, with exactly one holder per topic, over ${RUNS} histories`, () => {
    const tally: Tally = new Map();
    fc.assert(
      fc.property(historyArbitrary, ({ settings, sameTopics, firstJoins, events }) => {
        const history = [...firstJoins, ...events];
        runHistory(settings, sameTopics ? history.map(withSameTopics) : history, tally);
      }),
      { numRuns: RUNS },
    );
    expect(tally.get('rounds')).toBeGreaterThanOrEqual(MIN_ROUNDS);
    const reached = ['covering', ...DECISIONS.map((reason) => `decision ${reason}`), ...CHANGES.map((reason) => `change ${reason}`)];
    expect(reached.filter((key) => (tally.get(key) ?? 0) === 0)).toEqual([]);
  });
});
