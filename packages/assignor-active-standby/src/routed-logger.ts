import type { ActiveStandbyLogger } from './logger.js';

/**
 * Where the assignor's lines go: to the `logger` of its options when one was given; else to the logger an
 * adapter hands over (`useLogger`), once it has; else to `fallback`, the console.
 */
export class RoutedLogger implements ActiveStandbyLogger {
  private target: ActiveStandbyLogger;

  constructor(
    private readonly chosen: ActiveStandbyLogger | null,
    fallback: ActiveStandbyLogger,
  ) {
    this.target = chosen ?? fallback;
  }

  useAdapterLogger(logger: ActiveStandbyLogger): void {
    if (this.chosen === null) this.target = logger;
  }

  info(message: string, extra?: object): void {
    this.target.info(message, extra);
  }

  warn(message: string, extra?: object): void {
    this.target.warn(message, extra);
  }

  error(message: string, extra?: object): void {
    this.target.error(message, extra);
  }
}
