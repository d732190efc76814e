/**
 * An assignor that keeps one member's state (it has `onAssignment`, `onHeartbeat` or `onLeave`) was given
 * to a second consumer. Sharing it would mix two members' roles and leases: both could report active.
 */
export class AssignorInUseError extends Error {
  override readonly name = 'AssignorInUseError';

  constructor(readonly assignorName: string) {
    super(
      `this ${assignorName} assignor already serves another consumer and keeps that member's state; ` +
        'create one assignor per consumer (call its factory where you create each consumer)',
    );
  }
}
