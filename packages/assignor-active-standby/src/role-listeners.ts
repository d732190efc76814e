import type { ActiveStandbyLogger } from './logger.js';
import type { RoleChange } from './role-change.js';

export type RoleChangeListener = (change: RoleChange) => void | Promise<void>;

/**
 * The `roleChange` listeners of one member, called in the order they were added. A listener that throws or
 * rejects is logged and the others still run: application code must never break the consumer's rebalance.
 */
export class RoleChangeListeners {
  private readonly listeners = new Set<RoleChangeListener>();

  constructor(private readonly logger: ActiveStandbyLogger) {}

  add(listener: RoleChangeListener): void {
    this.listeners.add(listener);
  }

  delete(listener: RoleChangeListener): void {
    this.listeners.delete(listener);
  }

  emit(change: RoleChange): void {
    for (const listener of [...this.listeners]) {
      try {
        const result = listener(change);
        if (result instanceof Promise) result.catch((error: unknown) => this.report(error, change));
      } catch (error) {
        this.report(error, change);
      }
    }
  }

  private report(error: unknown, change: RoleChange): void {
    this.logger.error('A roleChange listener failed; the consumer goes on', {
      error: error instanceof Error ? error.message : String(error),
      role: change.role,
      reason: change.reason,
      memberId: change.memberId,
    });
  }
}
