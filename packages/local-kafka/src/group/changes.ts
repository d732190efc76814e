/**
 * Something tests can wait on: whoever changes the state calls `changed()`, and `until` re-checks its
 * condition at each change, failing with a description of what was awaited when the deadline passes.
 */
export class Changes {
  private readonly waiters = new Set<() => void>();

  changed(): void {
    for (const wake of this.waiters) wake();
  }

  until(condition: () => boolean, description: () => string, timeoutMs = 45_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        finish();
        resolve();
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`waited ${timeoutMs} ms for: ${description()}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }
}
