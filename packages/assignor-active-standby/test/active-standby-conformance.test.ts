import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeStandbyAssignor, encodeMemberUserData } from '@kafka-assignors/assignor-active-standby';
import { checkAssignorConformance, DEFAULT_TOPIC_NAMES, joiningGroupArbitrary, type JoiningGroup, type JoiningMember } from '@kafka-assignors/core/testing';
import { silentLogger } from './support/recording-logger.js';

const create = () => activeStandbyAssignor({ logger: silentLogger });

/** Active-standby user data for a member: any settings, and a claim made under its member id or a stale one. */
function activeStandbyUserData(member: JoiningMember): fc.Arbitrary<Uint8Array> {
  return fc
    .record({
      eligible: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      preempt: fc.boolean(),
      priority: fc.integer({ min: -2, max: 2 }),
      name: fc.option(fc.constantFrom('pod-0', 'pod-1', 'pod-2'), { nil: null }),
      lastRebalance: fc.option(
        fc.record({ memberId: fc.constantFrom(member.memberId, `expired-${member.memberId}`), generationId: fc.integer({ min: 0, max: 5 }) }),
        { nil: null },
      ),
      claimsActive: fc.boolean(),
      knewActive: fc.boolean(),
      heldTopics: fc.subarray([...DEFAULT_TOPIC_NAMES]),
    })
    .map(encodeMemberUserData);
}

/** The kit's groups, with each member's user data replaced, in most cases, by active-standby user data it may have sent. */
const groupsWithClaims: fc.Arbitrary<JoiningGroup> = joiningGroupArbitrary().chain((group) =>
  fc
    .tuple(...group.members.map((member) => fc.option(activeStandbyUserData(member), { nil: undefined, freq: 4 })))
    .map((userData): JoiningGroup => ({
      topics: group.topics,
      members: group.members.map((member, index) => {
        const override = userData[index];
        return override === undefined ? member : { ...member, userDataOverride: override };
      }),
    })),
);

describe('activeStandbyAssignor conformance', () => {
  it('keeps every invariant of the conformance kit, assigning every partition when every member is eligible', () => {
    expect(() => checkAssignorConformance(create, { requireAllPartitions: true, numRuns: 1000 })).not.toThrow();
  });

  it('keeps every invariant with settings, valid, stale and conflicting claims, and ineligible members', () => {
    expect(() => checkAssignorConformance(create, { groups: groupsWithClaims, numRuns: 1000 })).not.toThrow();
  });
});
