/**
 * An argument that one of the project's functions refuses when it is called, before the value could fail
 * later in a consumer's rebalance: `functionName` is the function (`kafkajsAssigner`, `rangeAssignor`, ...),
 * `argument` the argument or option (`assignor`, `options`, `options.rackId`), `problem` what is wrong with it.
 */
export class InvalidArgumentError extends TypeError {
  override readonly name = 'InvalidArgumentError';

  constructor(
    readonly functionName: string,
    readonly argument: string,
    readonly problem: string,
  ) {
    super(`${functionName}: ${argument} ${problem}`);
  }
}
