/** A scenario that does not follow the format; `path` points at the offending value, e.g. `members[2].topics[0]`. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';

  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(path === '' ? problem : `${path}: ${problem}`);
  }
}
