import { isDeepStrictEqual } from 'node:util';
import type { Assignor } from '../assignor.js';
import type { Group, GroupAssignment } from '../model.js';
import { validateAssignment, type AssignmentViolation } from '../validate-assignment.js';
import fc from './fast-check.js';
import { joiningGroupArbitrary } from './joining-group-arbitrary.js';
import { leaderView, type JoiningGroup } from './joining-group.js';
import { normalizeAssignment } from './normalized-assignment.js';

export interface ConformancePropertyOptions {
  /** The groups to try; `joiningGroupArbitrary()` when absent. */
  readonly groups?: fc.Arbitrary<JoiningGroup>;
  /** Also require every existing partition of a subscribed topic to be assigned (not for cooperative assignors that withhold). */
  readonly requireAllPartitions?: boolean;
}

/** A joining group with another order for its members and its metadata topics, as positions in the original order. */
export interface ReorderedGroup {
  readonly joining: JoiningGroup;
  readonly memberOrder: readonly number[];
  readonly topicOrder: readonly number[];
}

const MAX_LISTED_VIOLATIONS = 10;

function groupsOf(options: ConformancePropertyOptions): fc.Arbitrary<JoiningGroup> {
  return options.groups ?? joiningGroupArbitrary();
}

/** The group as the assignor's own members would send it, and a leader's result for it. */
function assignJoiningGroup(createAssignor: () => Assignor, joining: JoiningGroup): { group: Group; assignment: GroupAssignment } {
  const assignor = createAssignor();
  const group = leaderView(joining, assignor);
  return { group, assignment: assignor.assign(group) };
}

function describeViolations(violations: readonly AssignmentViolation[]): string {
  const listed = violations.slice(0, MAX_LISTED_VIOLATIONS).map((violation) => `  - ${violation.message}`);
  const more = violations.length > MAX_LISTED_VIOLATIONS ? [`  ... and ${violations.length - MAX_LISTED_VIOLATIONS} more`] : [];
  return [`${violations.length} violation(s):`, ...listed, ...more].join('\n');
}

function expectSameResult(expected: GroupAssignment, actual: GroupAssignment, what: string): void {
  const normalizedExpected = normalizeAssignment(expected);
  const normalizedActual = normalizeAssignment(actual);
  if (!isDeepStrictEqual(normalizedExpected, normalizedActual)) {
    throw new Error(`${what} gave another result.\nfirst:  ${fc.stringify(normalizedExpected)}\nsecond: ${fc.stringify(normalizedActual)}`);
  }
}

function reorderedGroup(group: Group, memberOrder: readonly number[], topicOrder: readonly number[]): Group {
  const topics = [...group.topics];
  return {
    members: memberOrder.map((position) => group.members[position]).filter((member) => member !== undefined),
    topics: new Map(topicOrder.map((position) => topics[position]).filter((topic) => topic !== undefined)),
  };
}

function positions(count: number): number[] {
  return Array.from({ length: count }, (_, position) => position);
}

function reorderedGroupArbitrary(groups: fc.Arbitrary<JoiningGroup>): fc.Arbitrary<ReorderedGroup> {
  return groups.chain((joining) => {
    const memberPositions = positions(joining.members.length);
    const topicPositions = positions(joining.topics.size);
    return fc
      .tuple(
        fc.shuffledSubarray(memberPositions, { minLength: memberPositions.length, maxLength: memberPositions.length }),
        fc.shuffledSubarray(topicPositions, { minLength: topicPositions.length, maxLength: topicPositions.length }),
      )
      .map(([memberOrder, topicOrder]) => ({ joining, memberOrder, topicOrder }));
  });
}

/** Building every member's subscription and assigning complete without an exception. */
export function assignDoesNotThrowProperty(
  createAssignor: () => Assignor,
  options: ConformancePropertyOptions = {},
): fc.IProperty<[JoiningGroup]> {
  return fc.property(groupsOf(options), (joining) => {
    assignJoiningGroup(createAssignor, joining);
  });
}

/** The result has exactly the group's members as entries. */
export function everyMemberHasEntryProperty(
  createAssignor: () => Assignor,
  options: ConformancePropertyOptions = {},
): fc.IProperty<[JoiningGroup]> {
  return fc.property(groupsOf(options), (joining) => {
    const { group, assignment } = assignJoiningGroup(createAssignor, joining);
    const violations = validateAssignment(group, assignment).filter(
      (violation) => violation.kind === 'member-missing' || violation.kind === 'unknown-member',
    );
    if (violations.length > 0) throw new Error(describeViolations(violations));
  });
}

/** The result passes `validateAssignment`, with `requireAllPartitions` when asked. */
export function validAssignmentProperty(
  createAssignor: () => Assignor,
  options: ConformancePropertyOptions = {},
): fc.IProperty<[JoiningGroup]> {
  const requireAllPartitions = options.requireAllPartitions ?? false;
  return fc.property(groupsOf(options), (joining) => {
    const { group, assignment } = assignJoiningGroup(createAssignor, joining);
    const violations = validateAssignment(group, assignment, { requireAllPartitions });
    if (violations.length > 0) throw new Error(describeViolations(violations));
  });
}

/**
 * The same group gives the same result when the same instance assigns it again, and when another
 * instance does: any member may lead, and a leader may lead many rebalances.
 */
export function deterministicProperty(
  createAssignor: () => Assignor,
  options: ConformancePropertyOptions = {},
): fc.IProperty<[JoiningGroup]> {
  return fc.property(groupsOf(options), (joining) => {
    const assignor = createAssignor();
    const group = leaderView(joining, assignor);
    const first = assignor.assign(group);
    expectSameResult(first, assignor.assign(group), 'assigning the same group again on the same instance');
    expectSameResult(first, createAssignor().assign(group), 'assigning the same group on another instance');
  });
}

/**
 * Reordering the members and the metadata topics changes nothing: their order depends on the broker and
 * on the leader's metadata, not on anything the group decided. Each side runs on a new instance, so that
 * an assignor that is only non-deterministic across calls does not fail here too.
 */
export function independentOfInputOrderProperty(
  createAssignor: () => Assignor,
  options: ConformancePropertyOptions = {},
): fc.IProperty<[ReorderedGroup]> {
  return fc.property(reorderedGroupArbitrary(groupsOf(options)), ({ joining, memberOrder, topicOrder }) => {
    const group = leaderView(joining, createAssignor());
    expectSameResult(
      createAssignor().assign(group),
      createAssignor().assign(reorderedGroup(group, memberOrder, topicOrder)),
      'assigning the group with its members and topics reordered',
    );
  });
}

/** `assign` leaves every part of its input as it found it. */
export function inputNotMutatedProperty(
  createAssignor: () => Assignor,
  options: ConformancePropertyOptions = {},
): fc.IProperty<[JoiningGroup]> {
  return fc.property(groupsOf(options), (joining) => {
    const assignor = createAssignor();
    const group = leaderView(joining, assignor);
    const before = structuredClone(group);
    assignor.assign(group);
    if (!isDeepStrictEqual(group, before)) {
      throw new Error(`assign changed its input.\nbefore: ${fc.stringify(before)}\nafter:  ${fc.stringify(group)}`);
    }
  });
}
