/**
 * Something tests can wait on: whoever changes the state calls `changed()`, and `until` re-checks its
 * condition at each change, failing with a description of what was awaited when the deadline passes.
 */
export class Changes {
  private readonly waiters = new Set<() => void>();

  changed(): void {
    for (const wake of this.waiters) wake();
  }

  async until(condition: () => boolean, description: () => string, timeoutMs = 45_000): Promise<void> {
    await this.untilFound(() => (condition() ? true : undefined), description, timeoutMs);
  }

  /**
   * Like `until`, for a state that `probe` looks for: resolves with the first thing it finds (anything but
   * undefined), as it was at that change; the state may have moved on by the time the caller resumes.
   */
  untilFound<T>(probe: () => T | undefined, description: () => string, timeoutMs = 45_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = probe();
        if (found === undefined) return;
        finish();
        resolve(found);
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
