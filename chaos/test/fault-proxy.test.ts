import { randomBytes } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../src/fault-proxy.js';
import { ProxyPortInUseError } from '../src/fault-proxy-port-in-use-error.js';

const FAREWELL = 'bye';

/** What a socket received and when, with ways to wait for it. */
class Peer {
  readonly arrivals: { readonly at: number; readonly end: number }[] = [];
  error: NodeJS.ErrnoException | undefined;
  ended = false;
  isClosed = false;
  readonly closed: Promise<void>;
  private readonly chunks: Buffer[] = [];
  private length = 0;

  constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.length += chunk.length;
      this.arrivals.push({ at: performance.now(), end: this.length });
    });
    socket.on('end', () => (this.ended = true));
    socket.on('error', (error) => (this.error = error));
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        this.isClosed = true;
        resolve();
      }),
    );
  }

  get received(): Buffer {
    return Buffer.concat(this.chunks);
  }

  /** The first `length` bytes, once they are in; rejects if the socket closes short of them. */
  receive(length: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.length >= length) {
          stop();
          resolve(this.received.subarray(0, length));
        } else if (this.isClosed) {
          stop();
          reject(new Error(`the socket closed after ${this.length} of ${length} bytes`));
        }
      };
      const stop = (): void => {
        this.socket.off('data', check);
        this.socket.off('close', check);
      };
      this.socket.on('data', check);
      this.socket.on('close', check);
      check();
    });
  }

  /** When the byte at `offset` arrived, on `performance.now()`'s clock. */
  arrivalOf(offset: number): number {
    const arrival = this.arrivals.find(({ end }) => end > offset);
    if (arrival === undefined) throw new Error(`byte ${offset} has not arrived`);
    return arrival.at;
  }

  write(data: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.socket.write(data, (error) => (error ? reject(error) : resolve())));
  }
}

/**
 * A server that echoes what it reads, with backpressure, and answers its client's end with `FAREWELL` and an end
 * of its own: bytes after the client's end show that the connection was half-closed, not closed.
 */
class EchoServer {
  readonly peers: Peer[] = [];
  private readonly server: Server = createServer({ allowHalfOpen: true }, (socket) => {
    const peer = new Peer(socket);
    socket.pipe(socket, { end: false });
    socket.on('end', () => socket.end(FAREWELL));
    this.peers.push(peer);
    for (const waiter of this.waiters.splice(0)) waiter();
  });
  private readonly waiters: (() => void)[] = [];

  static async start(): Promise<EchoServer> {
    const echo = new EchoServer();
    await new Promise<void>((resolve) => echo.server.listen(0, '127.0.0.1', resolve));
    return echo;
  }

  get port(): number {
    return portOf(this.server);
  }

  /** The `index`-th connection it accepted, counting from 0, once accepted. */
  async peer(index: number): Promise<Peer> {
    while (this.peers[index] === undefined) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.peers[index];
  }

  async close(): Promise<void> {
    const stopped = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const peer of this.peers) peer.socket.destroy();
    await Promise.all([stopped, ...this.peers.map((peer) => peer.closed)]);
  }
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP listener');
  return address.port;
}

const cleanups: (() => Promise<void>)[] = [];
const clients: Peer[] = [];

/** A client of `port`, closed after the test. */
function dial(port: number): Peer {
  const client = new Peer(connect({ port, host: '127.0.0.1' }));
  clients.push(client);
  return client;
}

async function connected(client: Peer): Promise<Peer> {
  if (client.socket.readyState !== 'open') {
    await new Promise<void>((resolve, reject) => {
      client.socket.once('connect', resolve);
      client.socket.once('error', reject);
    });
  }
  return client;
}

async function echoBehindProxy(): Promise<{ echo: EchoServer; proxy: FaultProxy }> {
  const echo = await EchoServer.start();
  cleanups.push(() => echo.close());
  const proxy = await startFaultProxy({ targetHost: '127.0.0.1', targetPort: echo.port });
  cleanups.push(() => proxy.close());
  return { echo, proxy };
}

/** Sockets, listeners and timers the process holds. */
function openHandles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of process.getActiveResourcesInfo()) {
    if (resource === 'TCPSocketWrap' || resource === 'TCPServerWrap' || resource === 'Timeout') {
      counts[resource] = (counts[resource] ?? 0) + 1;
    }
  }
  return counts;
}

function withoutTimers(handles: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(handles).filter(([resource]) => resource !== 'Timeout'));
}

/** Fails if `peer` receives anything in the next `ms` milliseconds: the only way to see that bytes are held. */
async function expectNothingWithin(peer: Peer, ms: number): Promise<void> {
  const before = peer.received.length;
  await new Promise((resolve) => setTimeout(resolve, ms));
  expect(peer.received.length).toBe(before);
}

let handlesBefore: Record<string, number>;

beforeEach(() => {
  handlesBefore = openHandles();
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.socket.destroy();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  // vi.waitFor runs timers of its own.
  await vi.waitFor(() => expect(withoutTimers(openHandles())).toEqual(withoutTimers(handlesBefore)));
});

describe('startFaultProxy', () => {
  test('forwards both ways in pass mode, the default', async () => {
    const { echo, proxy } = await echoBehindProxy();
    expect(proxy.mode).toBe('pass');
    const client = await connected(dial(proxy.port));
    await client.write('ping');
    expect((await client.receive(4)).toString()).toBe('ping');
    const server = await echo.peer(0);
    await server.write('!');
    expect((await client.receive(5)).toString()).toBe('ping!');
    expect(server.received.toString()).toBe('ping');
    expect(proxy.connections).toBe(1);
  });

  test('listens on the listenPort it is given', async () => {
    const echo = await EchoServer.start();
    cleanups.push(() => echo.close());
    const port = await freePort();
    const proxy = await startFaultProxy({ listenPort: port, targetPort: echo.port });
    cleanups.push(() => proxy.close());
    expect(proxy.port).toBe(port);
    const client = await connected(dial(port));
    await client.write('x');
    expect((await client.receive(1)).toString()).toBe('x');
  });

  test('reports a listenPort in use as such', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => taken.close(() => resolve())));
    const port = portOf(taken);
    const started = startFaultProxy({ listenPort: port, targetPort: 9 });
    await expect(started).rejects.toBeInstanceOf(ProxyPortInUseError);
    await expect(started).rejects.toMatchObject({
      code: 'EADDRINUSE',
      port,
      message: `the fault proxy to 127.0.0.1:9 cannot listen on 127.0.0.1:${port}: the port is already in use (EADDRINUSE)`,
    });
  });

  test('cut resets the open connections on both sides, then every new one, until pass', async () => {
    const { echo, proxy } = await echoBehindProxy();
    const client = await connected(dial(proxy.port));
    await client.write('a');
    await client.receive(1);
    const server = await echo.peer(0);

    proxy.cut();
    expect(proxy.mode).toBe('cut');
    await Promise.all([client.closed, server.closed]);
    expect(client.error?.code).toBe('ECONNRESET');
    expect(server.error?.code).toBe('ECONNRESET');
    await vi.waitFor(() => expect(proxy.connections).toBe(0));

    const refused = dial(proxy.port);
    await refused.closed;
    expect(refused.error?.code).toBe('ECONNRESET');
    expect(refused.received).toHaveLength(0);
    expect(echo.peers).toHaveLength(1);

    proxy.pass();
    const healed = await connected(dial(proxy.port));
    await healed.write('b');
    expect((await healed.receive(1)).toString()).toBe('b');
  });

  test('hold forwards nothing either way, and pass delivers what was held, in order, on the same connections', async () => {
    const { echo, proxy } = await echoBehindProxy();
    const client = await connected(dial(proxy.port));
    await client.write('1');
    await client.receive(1);
    const server = await echo.peer(0);

    proxy.hold();
    expect(proxy.mode).toBe('hold');
    const bulk = randomBytes(1024 * 1024);
    client.socket.write('2');
    // Not awaited: with nothing read on the other end, the kernel buffers may fill before all is written.
    client.socket.write(bulk);
    await server.write('S');
    const heldNew = await connected(dial(proxy.port));
    heldNew.socket.write('N');
    await Promise.all([
      expectNothingWithin(client, 100),
      expectNothingWithin(server, 100),
      expectNothingWithin(heldNew, 100),
    ]);
    expect(client.received.toString()).toBe('1');
    expect(server.received.toString()).toBe('1');
    expect(echo.peers).toHaveLength(1);
    expect(proxy.connections).toBe(2);

    proxy.pass();
    const expected = Buffer.concat([Buffer.from('1S2'), bulk]);
    expect((await client.receive(expected.length)).equals(expected)).toBe(true);
    expect((await heldNew.receive(1)).toString()).toBe('N');
    expect(client.isClosed).toBe(false);
    expect(client.error).toBeUndefined();
  });

  test('delay(ms) forwards every chunk at least ms later each way, in order', async () => {
    const { echo, proxy } = await echoBehindProxy();
    const client = await connected(dial(proxy.port));
    await client.write('w');
    await client.receive(1);
    const server = await echo.peer(0);

    const ms = 40;
    proxy.delay(ms);
    expect(proxy.mode).toEqual({ delay: ms });
    const sentAt: number[] = [];
    for (const chunk of ['a', 'b', 'c']) {
      sentAt.push(performance.now());
      await client.write(chunk);
    }
    expect((await client.receive(4)).toString()).toBe('wabc');
    sentAt.forEach((sent, index) => {
      const offset = index + 1;
      expect(server.arrivalOf(offset) - sent).toBeGreaterThanOrEqual(ms - 1);
      expect(client.arrivalOf(offset) - server.arrivalOf(offset)).toBeGreaterThanOrEqual(ms - 1);
    });
    expect(server.received.toString()).toBe('wabc');
  });

  test('pass after delay keeps the order of chunks already scheduled', async () => {
    const { proxy } = await echoBehindProxy();
    const client = await connected(dial(proxy.port));
    proxy.delay(30);
    await client.write('x');
    proxy.pass();
    expect(proxy.mode).toBe('pass');
    await client.write('y');
    expect((await client.receive(2)).toString()).toBe('xy');
  });

  test('rejects a delay that is negative, not finite or too long for a timer, and keeps its mode', async () => {
    const { proxy } = await echoBehindProxy();
    for (const ms of [-1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31]) {
      expect(() => proxy.delay(ms)).toThrow(RangeError);
    }
    expect(proxy.mode).toBe('pass');
  });

  test('propagates a half-close each way and closes once both sides have ended', async () => {
    const { echo, proxy } = await echoBehindProxy();
    const client = await connected(dial(proxy.port));
    await client.write('hi');
    client.socket.end();
    expect((await client.receive(2 + FAREWELL.length)).toString()).toBe(`hi${FAREWELL}`);
    await client.closed;
    const server = await echo.peer(0);
    await server.closed;
    expect([client.ended, server.ended]).toEqual([true, true]);
    expect([client.error, server.error]).toEqual([undefined, undefined]);
    await vi.waitFor(() => expect(proxy.connections).toBe(0));
  });

  test('resets the client when the target resets, and the target when the client does', async () => {
    const { echo, proxy } = await echoBehindProxy();
    const first = await connected(dial(proxy.port));
    await first.write('1');
    await first.receive(1);
    (await echo.peer(0)).socket.resetAndDestroy();
    await first.closed;
    expect(first.error?.code).toBe('ECONNRESET');

    const second = await connected(dial(proxy.port));
    await second.write('2');
    await second.receive(1);
    const server = await echo.peer(1);
    second.socket.resetAndDestroy();
    await server.closed;
    expect(server.error?.code).toBe('ECONNRESET');
    await vi.waitFor(() => expect(proxy.connections).toBe(0));
  });

  test('resets the client when the target refuses the connection', async () => {
    const proxy = await startFaultProxy({ targetPort: await freePort() });
    cleanups.push(() => proxy.close());
    const client = dial(proxy.port);
    await client.closed;
    expect(client.error?.code).toBe('ECONNRESET');
    await vi.waitFor(() => expect(proxy.connections).toBe(0));
  });

  test('carries several megabytes intact both ways at once, with backpressure', async () => {
    const { echo, proxy } = await echoBehindProxy();
    const client = await connected(dial(proxy.port));
    const payload = randomBytes(8 * 1024 * 1024);
    client.socket.end(payload);
    const expected = Buffer.concat([payload, Buffer.from(FAREWELL)]);
    expect((await client.receive(expected.length)).equals(expected)).toBe(true);
    await client.closed;
    expect((await echo.peer(0)).received.equals(payload)).toBe(true);
  });

  test('close() ends every connection, whatever it holds, and leaves no socket, listener or timer behind', async () => {
    const before = openHandles();
    const echo = await EchoServer.start();
    const delayed = await startFaultProxy({ targetPort: echo.port });
    const held = await startFaultProxy({ targetPort: echo.port });
    const delayedClient = await connected(dial(delayed.port));
    const heldClient = await connected(dial(held.port));
    delayed.delay(60_000);
    held.hold();
    await delayedClient.write('scheduled');
    await heldClient.write('held');
    expect(delayed.connections + held.connections).toBe(2);

    await Promise.all([delayed.close(), held.close()]);
    expect([delayed.connections, held.connections]).toEqual([0, 0]);
    await Promise.all([delayedClient.closed, heldClient.closed]);
    await echo.close();
    const refused = dial(held.port);
    await refused.closed;
    expect(refused.error?.code).toBe('ECONNREFUSED');
    await vi.waitFor(() => expect(withoutTimers(openHandles())).toEqual(withoutTimers(before)));
    expect(openHandles()['Timeout']).toBe(before['Timeout']);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = portOf(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
