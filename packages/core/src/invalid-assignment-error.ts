import type { AssignmentViolation } from './validate-assignment.js';

/** An assignor returned a result that breaks the consumer protocol's rules; the leader refuses to send it. */
export class InvalidAssignmentError extends Error {
  override readonly name = 'InvalidAssignmentError';

  constructor(
    readonly assignorName: string,
    readonly violations: readonly AssignmentViolation[],
  ) {
    const shown = violations.slice(0, 5).map((violation) => violation.message);
    const more = violations.length > shown.length ? `; and ${violations.length - shown.length} more` : '';
    super(`the ${assignorName} assignor returned an invalid assignment: ${shown.join('; ')}${more}`);
  }
}
