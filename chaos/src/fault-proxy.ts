import { createServer, type Server } from 'node:net';
import { ProxiedConnection, type ProxyTarget } from './fault-proxy-connection.js';
import { checkedMode, type FaultMode } from './fault-proxy-mode.js';
import { ProxyPortInUseError } from './fault-proxy-port-in-use-error.js';

const LOOPBACK = '127.0.0.1';

export interface FaultProxyOptions {
  /** The port to listen on, on 127.0.0.1; 0 or omitted for one the OS picks. */
  readonly listenPort?: number;
  /** 127.0.0.1 when omitted. */
  readonly targetHost?: string;
  readonly targetPort: number;
}

/**
 * A TCP proxy on 127.0.0.1 to one target, whose faults can be switched on and off. A mode change applies at
 * once to the connections already open as well as to new ones. It starts in `pass`.
 */
export interface FaultProxy {
  readonly port: number;
  readonly mode: FaultMode;
  /** Client connections open through the proxy, held ones included. */
  readonly connections: number;
  apply(mode: FaultMode): void;
  /** Forwards again. After `hold`, what was held goes first, in order, on the same connections. */
  pass(): void;
  /** Resets every open connection and every new one. */
  cut(): void;
  /** Forwards nothing, either way; connections stay open and new ones are accepted. */
  hold(): void;
  /** Forwards every chunk `ms` later, both ways. Chunks taken before a mode change keep their time. */
  delay(ms: number): void;
  /** Stops listening and closes every connection (a plain close, not a reset). */
  close(): Promise<void>;
}

/** Rejects with a `ProxyPortInUseError` when `listenPort` is taken. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target: ProxyTarget = { host: options.targetHost ?? LOOPBACK, port: options.targetPort };
  const open = new Set<ProxiedConnection>();
  let mode: FaultMode = 'pass';
  let closing: Promise<void> | undefined;

  // Accept failures (EMFILE and the like) are left to crash the process: every later result would be suspect.
  const server = createServer({ allowHalfOpen: true, noDelay: true }, (client) => {
    const connection = new ProxiedConnection(client, target, mode);
    open.add(connection);
    void connection.closed.then(() => open.delete(connection));
  });
  const port = await listen(server, options.listenPort ?? 0, target);

  const apply = (next: FaultMode): void => {
    mode = checkedMode(next);
    for (const connection of open) connection.apply(mode);
  };
  const close = async (): Promise<void> => {
    const stopped = new Promise<void>((resolve, reject) =>
      server.close((error) => (error === undefined ? resolve() : reject(error))),
    );
    await Promise.all([...open].map((connection) => connection.close()));
    await stopped;
  };

  return {
    port,
    get mode() {
      return mode;
    },
    get connections() {
      return open.size;
    },
    apply,
    pass: () => apply('pass'),
    cut: () => apply('cut'),
    hold: () => apply('hold'),
    delay: (ms) => apply({ delay: ms }),
    close: () => (closing ??= close()),
  };
}

function listen(server: Server, port: number, target: ProxyTarget): Promise<number> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException): void => {
      reject(error.code === 'EADDRINUSE' ? new ProxyPortInUseError(LOOPBACK, port, target, error) : error);
    };
    server.once('error', fail);
    server.listen(port, LOOPBACK, () => {
      server.off('error', fail);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('expected a TCP address from a TCP listener'));
      else resolve(address.port);
    });
  });
}
