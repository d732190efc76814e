import { CONFORMANCE_INVARIANTS, type ConformanceInvariant } from './conformance-invariant.js';

/**
 * An assignor broke a conformance invariant. The message says what went wrong on the shrunk
 * counterexample, then gives fast-check's report with the counterexample and the seed and path that
 * replay it; `cause` is the error the property raised.
 */
export class AssignorConformanceError extends Error {
  readonly assignorName: string;
  readonly invariant: ConformanceInvariant;

  constructor(assignorName: string, invariant: ConformanceInvariant, failure: unknown, report: string) {
    const problem = failure instanceof Error ? failure.message : String(failure);
    super(`assignor "${assignorName}" breaks invariant "${invariant}": ${CONFORMANCE_INVARIANTS[invariant]}.\n${problem}\n${report}`, {
      cause: failure,
    });
    this.name = 'AssignorConformanceError';
    this.assignorName = assignorName;
    this.invariant = invariant;
  }
}
