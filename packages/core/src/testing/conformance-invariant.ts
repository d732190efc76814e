/** A property every assignor must have, whatever its algorithm. */
export type ConformanceInvariant =
  | 'assign-does-not-throw'
  | 'every-member-has-entry'
  | 'valid-assignment'
  | 'input-not-mutated'
  | 'deterministic'
  | 'independent-of-input-order';

/**
 * What each invariant demands, in the order they are checked: the most basic failure is reported first,
 * and a mutated input is reported as such before it makes a second assignment differ.
 */
export const CONFORMANCE_INVARIANTS: Readonly<Record<ConformanceInvariant, string>> = {
  'assign-does-not-throw': 'building subscriptions and assigning never throw',
  'every-member-has-entry': 'the result has an entry for every member of the group and for nobody else',
  'valid-assignment':
    'the result passes validateAssignment: each partition at most once, only existing partitions of subscribed topics',
  'input-not-mutated': 'assign leaves its input group as it was',
  deterministic: 'assigning the same group again, on the same assignor instance or on another, gives the same result',
  'independent-of-input-order': 'the same group with its members and metadata topics in another order gives the same result',
};
