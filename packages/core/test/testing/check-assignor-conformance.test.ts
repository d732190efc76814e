import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assignor, Group, GroupAssignment, GroupMember, MemberAssignment } from '@kafka-assignors/core';
import { AssignorConformanceError } from '../../src/testing/assignor-conformance-error.js';
import { checkAssignorConformance } from '../../src/testing/check-assignor-conformance.js';
import { CONFORMANCE_INVARIANTS, type ConformanceInvariant } from '../../src/testing/conformance-invariant.js';
import {
  assignDoesNotThrowProperty,
  deterministicProperty,
  everyMemberHasEntryProperty,
  independentOfInputOrderProperty,
  inputNotMutatedProperty,
  validAssignmentProperty,
} from '../../src/testing/conformance-properties.js';
import { assignPerTopicRoundRobin, perTopicRoundRobinAssignor } from '../support/per-topic-round-robin-assignor.js';

const ALL_INVARIANTS = Object.keys(CONFORMANCE_INVARIANTS) as ConformanceInvariant[];

function brokenAssignor(name: string, assign: (group: Group) => GroupAssignment): () => Assignor {
  return () => ({ name, rebalanceProtocols: ['eager'], assign });
}

function withPartitions(assignment: GroupAssignment, extra: (memberId: string) => MemberAssignment['partitions']): GroupAssignment {
  return new Map(
    [...assignment].map(([memberId, { partitions, userData }]) => [memberId, { partitions: [...partitions, ...extra(memberId)], userData }]),
  );
}

/** Round robin over each topic's subscribers in the order they come, not sorted. */
function assignInArrivalOrder(group: Group): GroupAssignment {
  const partitions = new Map(group.members.map((member) => [member.memberId, [] as { topic: string; partitions: number[] }[]]));
  for (const [topic, { partitionCount }] of group.topics) {
    const subscribers = group.members.filter((member) => member.subscription.topics.includes(topic));
    for (let partition = 0; partition < partitionCount && subscribers.length > 0; partition++) {
      partitions.get(subscribers[partition % subscribers.length]?.memberId ?? '')?.push({ topic, partitions: [partition] });
    }
  }
  return new Map([...partitions].map(([memberId, list]) => [memberId, { partitions: list, userData: null }]));
}

interface BrokenAssignor {
  /** The invariant it breaks on purpose. */
  readonly invariant: ConformanceInvariant;
  /** Invariants it cannot help breaking as well: everything fails once assign throws, a missing entry is a violation. */
  readonly alsoBreaks: readonly ConformanceInvariant[];
  readonly what: string;
  readonly create: () => Assignor;
}

const brokenAssignors: readonly BrokenAssignor[] = [
  {
    invariant: 'assign-does-not-throw',
    alsoBreaks: ALL_INVARIANTS,
    what: 'throws when a member subscribes to a topic missing from metadata',
    create: brokenAssignor('throws-on-deleted-topic', (group) => {
      for (const member of group.members) {
        for (const topic of member.subscription.topics) {
          if (!group.topics.has(topic)) throw new Error(`no metadata for ${topic}`);
        }
      }
      return assignPerTopicRoundRobin(group);
    }),
  },
  {
    invariant: 'valid-assignment',
    alsoBreaks: [],
    what: 'also gives partition 0 of each of its topics to every subscriber',
    create: brokenAssignor('assigns-twice', (group) =>
      withPartitions(assignPerTopicRoundRobin(group), (memberId) =>
        (group.members.find((member) => member.memberId === memberId)?.subscription.topics ?? [])
          .filter((topic) => group.topics.has(topic))
          .map((topic) => ({ topic, partitions: [0] })),
      ),
    ),
  },
  {
    invariant: 'valid-assignment',
    alsoBreaks: [],
    what: 'deals every topic in metadata to every member, subscribed or not',
    create: brokenAssignor('ignores-subscriptions', (group) => {
      const everyone: Group = {
        ...group,
        members: group.members.map((member) => ({ ...member, subscription: { ...member.subscription, topics: [...group.topics.keys()] } })),
      };
      return assignPerTopicRoundRobin(everyone);
    }),
  },
  {
    invariant: 'every-member-has-entry',
    alsoBreaks: ['valid-assignment'],
    what: 'leaves out members that get no partitions',
    create: brokenAssignor('drops-idle-members', (group) => {
      const assignment = assignPerTopicRoundRobin(group);
      return new Map([...assignment].filter(([, { partitions }]) => partitions.length > 0));
    }),
  },
  {
    invariant: 'every-member-has-entry',
    alsoBreaks: ['valid-assignment'],
    what: 'adds an entry for a member that is not in the group',
    create: brokenAssignor('invents-a-member', (group) => new Map([...assignPerTopicRoundRobin(group), ['stranger', { partitions: [], userData: null }]])),
  },
  {
    invariant: 'independent-of-input-order',
    alsoBreaks: [],
    what: 'deals partitions to subscribers in the order the members come',
    create: brokenAssignor('member-order-dependent', assignInArrivalOrder),
  },
  {
    invariant: 'independent-of-input-order',
    alsoBreaks: [],
    what: 'puts its user data in the order of the metadata topics',
    create: brokenAssignor('topic-order-dependent', (group) => {
      const order = new TextEncoder().encode([...group.topics.keys()].join(','));
      return new Map([...assignPerTopicRoundRobin(group)].map(([memberId, { partitions }]) => [memberId, { partitions, userData: order }]));
    }),
  },
  {
    invariant: 'deterministic',
    alsoBreaks: [],
    what: 'returns the number of calls its instance has served as user data',
    create: () => {
      let calls = 0;
      return {
        name: 'call-count-dependent',
        rebalanceProtocols: ['eager'],
        assign: (group) => {
          calls += 1;
          const userData = Uint8Array.of(calls);
          return new Map([...assignPerTopicRoundRobin(group)].map(([memberId, { partitions }]) => [memberId, { partitions, userData }]));
        },
      };
    },
  },
  {
    invariant: 'input-not-mutated',
    alsoBreaks: [],
    what: 'sorts the members of its input in place',
    create: brokenAssignor('sorts-input', (group) => {
      (group.members as GroupMember[]).sort((a, b) => (a.memberId < b.memberId ? -1 : 1));
      return assignPerTopicRoundRobin(group);
    }),
  },
  {
    invariant: 'input-not-mutated',
    alsoBreaks: [],
    what: 'clears the user data bytes it has read',
    create: brokenAssignor('clears-user-data', (group) => {
      for (const member of group.members) member.subscription.userData?.fill(0);
      return assignPerTopicRoundRobin(group);
    }),
  },
];

describe('checkAssignorConformance', () => {
  it('passes a correct assignor on every invariant, 1000 groups each', () => {
    expect(() => checkAssignorConformance(perTopicRoundRobinAssignor)).not.toThrow();
  });

  it('passes a correct assignor that assigns every partition when all partitions are required', () => {
    expect(() => checkAssignorConformance(perTopicRoundRobinAssignor, { requireAllPartitions: true, invariants: ['valid-assignment'] })).not.toThrow();
  });

  it('exposes each invariant as a property of its own', () => {
    const parameters = { numRuns: 1000 };
    fc.assert(assignDoesNotThrowProperty(perTopicRoundRobinAssignor), parameters);
    fc.assert(everyMemberHasEntryProperty(perTopicRoundRobinAssignor), parameters);
    fc.assert(validAssignmentProperty(perTopicRoundRobinAssignor, { requireAllPartitions: true }), parameters);
    fc.assert(deterministicProperty(perTopicRoundRobinAssignor), parameters);
    fc.assert(independentOfInputOrderProperty(perTopicRoundRobinAssignor), parameters);
    fc.assert(inputNotMutatedProperty(perTopicRoundRobinAssignor), parameters);
  });

  it('requires all partitions only when asked', () => {
    const leavesOneOut = brokenAssignor('leaves-one-out', (group) =>
      new Map(
        [...assignPerTopicRoundRobin(group)].map(([memberId, { partitions, userData }]) => [
          memberId,
          { partitions: partitions.map(({ topic, partitions: list }) => ({ topic, partitions: list.filter((p) => p !== 0) })), userData },
        ]),
      ),
    );
    expect(() => checkAssignorConformance(leavesOneOut, { invariants: ['valid-assignment'] })).not.toThrow();
    expect(() => checkAssignorConformance(leavesOneOut, { invariants: ['valid-assignment'], requireAllPartitions: true })).toThrow(
      /breaks invariant "valid-assignment"[\s\S]*is assigned to nobody/,
    );
  });

  describe.each(brokenAssignors)('catches an assignor that $what', ({ invariant, create }) => {
    it(`on invariant ${invariant} alone`, () => {
      expect(() => checkAssignorConformance(create, { invariants: [invariant] })).toThrow(
        new RegExp(`breaks invariant "${invariant}"[\\s\\S]*Counterexample`),
      );
    });
  });

  const withUnaffectedInvariants = brokenAssignors
    .map((broken) => ({ ...broken, unaffected: ALL_INVARIANTS.filter((other) => other !== broken.invariant && !broken.alsoBreaks.includes(other)) }))
    .filter(({ unaffected }) => unaffected.length > 0);

  it.each(withUnaffectedInvariants)('blames nothing else on an assignor that $what', ({ create, unaffected }) => {
    expect(() => checkAssignorConformance(create, { invariants: unaffected })).not.toThrow();
  });

  it('reports the most basic broken invariant first, as an AssignorConformanceError', () => {
    const dropsIdle = brokenAssignors.find(({ create }) => create().name === 'drops-idle-members');
    let caught: unknown;
    try {
      checkAssignorConformance(dropsIdle?.create ?? perTopicRoundRobinAssignor, { seed: 7 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AssignorConformanceError);
    expect(caught).toMatchObject({ invariant: 'every-member-has-entry', assignorName: 'drops-idle-members' });
    expect((caught as Error).message).toMatch(/has no entry in the result[\s\S]*seed: 7/);
  });
});
