import type { Assignor } from '../assignor.js';
import { AssignorConformanceError } from './assignor-conformance-error.js';
import { CONFORMANCE_INVARIANTS, type ConformanceInvariant } from './conformance-invariant.js';
import {
  assignDoesNotThrowProperty,
  deterministicProperty,
  everyMemberHasEntryProperty,
  independentOfInputOrderProperty,
  inputNotMutatedProperty,
  validAssignmentProperty,
  type ConformancePropertyOptions,
} from './conformance-properties.js';
import fc from './fast-check.js';

export const DEFAULT_CONFORMANCE_RUNS = 1000;

export interface AssignorConformanceOptions extends ConformancePropertyOptions {
  /** Groups tried per invariant. */
  readonly numRuns?: number;
  /** fast-check's seed and path, as printed in a failure report, to replay it. */
  readonly seed?: number;
  readonly path?: string;
  /** The invariants to check; all of them when absent. */
  readonly invariants?: readonly ConformanceInvariant[];
}

type PropertyOf = (createAssignor: () => Assignor, options: ConformancePropertyOptions) => fc.IProperty<[unknown]>;

const PROPERTIES: Readonly<Record<ConformanceInvariant, PropertyOf>> = {
  'assign-does-not-throw': assignDoesNotThrowProperty,
  'every-member-has-entry': everyMemberHasEntryProperty,
  'valid-assignment': validAssignmentProperty,
  'input-not-mutated': inputNotMutatedProperty,
  deterministic: deterministicProperty,
  'independent-of-input-order': independentOfInputOrderProperty,
};

/**
 * Checks the invariants every assignor must keep, whatever its algorithm, over generated groups (see
 * `joiningGroupArbitrary`). Throws an `AssignorConformanceError` naming the first invariant that fails,
 * with fast-check's shrunk counterexample and the seed and path that replay it.
 */
export function checkAssignorConformance(createAssignor: () => Assignor, options: AssignorConformanceOptions = {}): void {
  const invariants = options.invariants ?? (Object.keys(CONFORMANCE_INVARIANTS) as ConformanceInvariant[]);
  const parameters: fc.Parameters<[unknown]> = {
    numRuns: options.numRuns ?? DEFAULT_CONFORMANCE_RUNS,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.path === undefined ? {} : { path: options.path }),
  };
  for (const invariant of invariants) {
    const details = fc.check(PROPERTIES[invariant](createAssignor, options), parameters);
    if (details.failed) {
      throw new AssignorConformanceError(createAssignor().name, invariant, details.errorInstance, fc.defaultReportMessage(details) ?? '');
    }
  }
}
