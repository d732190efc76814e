/** An option of `activeStandbyAssignor` that cannot be used; `option` names it. */
export class ActiveStandbyOptionsError extends TypeError {
  readonly option: string;
  /** What is wrong with it, e.g. `must be a boolean`. */
  readonly problem: string;

  constructor(option: string, problem: string) {
    super(`activeStandbyAssignor option "${option}" ${problem}`);
    this.name = 'ActiveStandbyOptionsError';
    this.option = option;
    this.problem = problem;
  }
}
