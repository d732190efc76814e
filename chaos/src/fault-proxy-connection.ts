import { Socket } from 'node:net';
import { forwardsBytes, type FaultMode } from './fault-proxy-mode.js';
import { ProxyPipe } from './fault-proxy-pipe.js';

export interface ProxyTarget {
  readonly host: string;
  readonly port: number;
}

/**
 * A client's connection through a fault proxy, and the proxy's own connection to the target for it. The target
 * is dialled once bytes may flow: a connection opened during `hold` reaches no further than the proxy, as a SYN
 * sent into a partition would not.
 */
export class ProxiedConnection {
  /** Resolves once both sockets are closed. */
  readonly closed: Promise<void>;
  private readonly upstream = new Socket({ allowHalfOpen: true });
  private readonly pipes: readonly ProxyPipe[];
  private dialled = false;
  private closing = false;

  constructor(
    private readonly client: Socket,
    private readonly target: ProxyTarget,
    mode: FaultMode,
  ) {
    this.closed = Promise.all([closeOf(client), closeOf(this.upstream)]).then(() => undefined);
    // A failure on one side (reset, refused, broken pipe) reaches the other side as a reset, as through a real network.
    client.on('error', () => this.reset());
    this.upstream.on('error', () => this.reset());
    this.pipes = [new ProxyPipe(client, this.upstream), new ProxyPipe(this.upstream, client)];
    this.apply(mode);
  }

  apply(mode: FaultMode): void {
    // Socket.connect() would bring a destroyed upstream back to life.
    if (this.closing) return;
    if (forwardsBytes(mode)) this.dial();
    for (const pipe of this.pipes) pipe.apply(mode);
    if (mode === 'cut') this.reset();
  }

  close(): Promise<void> {
    this.closing = true;
    this.client.destroy();
    this.upstream.destroy();
    return this.closed;
  }

  private dial(): void {
    if (this.dialled) return;
    this.dialled = true;
    this.upstream.connect({ host: this.target.host, port: this.target.port, noDelay: true });
  }

  private reset(): void {
    this.closing = true;
    if (!this.client.destroyed) this.client.resetAndDestroy();
    if (this.upstream.destroyed) return;
    // Without a connect there is no TCP handle to reset.
    if (this.dialled) this.upstream.resetAndDestroy();
    else this.upstream.destroy();
  }
}

function closeOf(socket: Socket): Promise<void> {
  return new Promise((resolve) => socket.once('close', () => resolve()));
}
