import type { ProxyTarget } from './fault-proxy-connection.js';

/** The port a fault proxy was told to listen on is taken, by a leftover proxy or broker or some other process. */
export class ProxyPortInUseError extends Error {
  /** As on Node's own error, for callers that test `code`. */
  readonly code = 'EADDRINUSE';

  constructor(
    readonly host: string,
    readonly port: number,
    target: ProxyTarget,
    cause: Error,
  ) {
    super(
      `the fault proxy to ${target.host}:${target.port} cannot listen on ${host}:${port}: ` +
        'the port is already in use (EADDRINUSE)',
      { cause },
    );
    this.name = 'ProxyPortInUseError';
  }
}
