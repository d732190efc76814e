import { describeValue } from './describe-value.js';
import { InvalidArgumentError } from './invalid-argument-error.js';

/** Refuses an `options` argument of `functionName` that is not an object, or that has a key not in `known`. */
export function checkOptionKeys(functionName: string, options: unknown, known: readonly string[]): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidArgumentError(functionName, 'options', `must be an object, not ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new InvalidArgumentError(functionName, `options.${key}`, `is not an option (${known.join(', ')})`);
  }
}

/** For a function that takes no options: refuses any argument but `undefined`, naming the first key of an object. */
export function checkNoOptions(functionName: string, options: unknown): void {
  if (options === undefined) return;
  const [key] = typeof options === 'object' && options !== null && !Array.isArray(options) ? Object.keys(options) : [];
  if (key !== undefined) throw new InvalidArgumentError(functionName, `options.${key}`, `is not an option: ${functionName} takes none`);
  throw new InvalidArgumentError(functionName, 'options', `must be left out, not ${describeValue(options)}: ${functionName} takes no options`);
}
