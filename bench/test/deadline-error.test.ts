import { expect, it } from 'vitest';
import { DeadlineError, withDeadline } from '../src/deadline-error.js';

it('gives the result of work that settles before its deadline', async () => {
  await expect(withDeadline(Promise.resolve(42), 1000, () => Promise.reject(new Error('not to be stopped')))).resolves.toBe(42);
  await expect(withDeadline(Promise.reject(new Error('failed')), 1000, () => Promise.resolve())).rejects.toThrow('failed');
});

it('stops work past its deadline and says so', async () => {
  let rejectWork: (error: Error) => void = () => undefined;
  const work = new Promise<number>((_, reject) => (rejectWork = reject));
  let stopped = false;
  const result = withDeadline(work, 10, () => {
    stopped = true;
    rejectWork(new Error('killed'));
    return Promise.resolve();
  });
  await expect(result).rejects.toThrow(new DeadlineError(10));
  await expect(result).rejects.toThrow('did not finish within 0.01 s (warm-up and timed runs), stopped');
  expect(stopped).toBe(true);
});
