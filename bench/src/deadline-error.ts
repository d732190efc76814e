/** A measurement that did not finish by its deadline (warm-up and timed runs together), and was stopped. */
export class DeadlineError extends Error {
  override readonly name = 'DeadlineError';

  constructor(readonly deadlineMs: number) {
    super(`did not finish within ${deadlineMs / 1000} s (warm-up and timed runs), stopped`);
  }
}

/** Rejects with a DeadlineError, after calling `stop`, if the work has not settled by the deadline. */
export async function withDeadline<T>(work: Promise<T>, deadlineMs: number, stop: () => Promise<void>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<{ readonly expired: true }>((resolve) => {
    timer = setTimeout(() => resolve({ expired: true }), deadlineMs);
  });
  try {
    const first = await Promise.race([work.then((value) => ({ value })), expired]);
    if ('value' in first) return first.value;
    // Stopping makes the work reject; the deadline's error replaces that rejection.
    work.catch(() => undefined);
    await stop();
    throw new DeadlineError(deadlineMs);
  } finally {
    clearTimeout(timer);
  }
}
