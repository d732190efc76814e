import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { ProxyPortInUseError } from '../src/fault-proxy-port-in-use-error.js';
import { startPodNetwork, type PodNetwork } from '../src/pod-network.js';

const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A stand-in for a broker node: greets each connection with its name. */
async function startNode(name: string): Promise<number> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
    socket.write(name);
  });
  const port = await listenOnAnyPort(server);
  closers.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return port;
}

async function listenOnAnyPort(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP listener');
  return address.port;
}

async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listenOnAnyPort(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** What a new connection to `port` reads first: a greeting, or `reset` if the connection is reset. */
function firstWords(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('data', (data: Buffer) => {
      resolve(data.toString());
      socket.destroy();
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNRESET' ? 'reset' : String(error)));
  });
}

async function startNetwork(links: Parameters<typeof startPodNetwork>[0]): Promise<PodNetwork> {
  const network = await startPodNetwork(links);
  closers.push(() => network.close());
  return network;
}

describe('startPodNetwork', () => {
  test('starts a proxy per link, on the port given, in order', async () => {
    const ports = [await freePort(), await freePort()];
    const network = await startNetwork([
      { listenPort: ports[0] ?? 0, targetPort: await startNode('node-1') },
      { listenPort: ports[1] ?? 0, targetPort: await startNode('node-2') },
    ]);
    expect(network.proxies.map((proxy) => proxy.port)).toEqual(ports);
    expect(await Promise.all(ports.map(firstWords))).toEqual(['node-1', 'node-2']);
  });

  test('switches all its proxies together, open connections included', async () => {
    const nodes = [await startNode('node-1'), await startNode('node-2')];
    const network = await startNetwork(nodes.map((targetPort) => ({ targetPort })));
    const ports = network.proxies.map((proxy) => proxy.port);

    const open = ports.map((port) => connect({ port, host: '127.0.0.1' }));
    const reset = open.map(
      (socket) =>
        new Promise<string | undefined>((resolve) =>
          socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code)),
        ),
    );
    await Promise.all(open.map((socket) => new Promise((resolve) => socket.once('data', resolve))));
    expect(network.connections).toBe(2);

    network.cut();
    expect(network.mode).toBe('cut');
    expect(network.proxies.map((proxy) => proxy.mode)).toEqual(['cut', 'cut']);
    expect(await Promise.all(reset)).toEqual(['ECONNRESET', 'ECONNRESET']);
    expect(await Promise.all(ports.map(firstWords))).toEqual(['reset', 'reset']);

    network.delay(5);
    expect(network.proxies.map((proxy) => proxy.mode)).toEqual([{ delay: 5 }, { delay: 5 }]);
    network.hold();
    expect(network.proxies.map((proxy) => proxy.mode)).toEqual(['hold', 'hold']);
    network.pass();
    expect(network.mode).toBe('pass');
    expect(await Promise.all(ports.map(firstWords))).toEqual(['node-1', 'node-2']);
  });

  test('closes the proxies it started when one cannot listen, and says which port is in use', async () => {
    const node = await startNode('node-1');
    const taken = createServer();
    const takenPort = await listenOnAnyPort(taken);
    closers.push(() => new Promise((resolve) => taken.close(() => resolve())));
    const freeListenPort = await freePort();

    const started = startPodNetwork([
      { listenPort: freeListenPort, targetPort: node },
      { listenPort: takenPort, targetPort: node },
    ]);
    await expect(started).rejects.toBeInstanceOf(ProxyPortInUseError);
    await expect(started).rejects.toMatchObject({ port: takenPort });
    const again = await startNetwork([{ listenPort: freeListenPort, targetPort: node }]);
    expect(again.proxies[0]?.port).toBe(freeListenPort);
  });

  test('needs at least one link', async () => {
    await expect(startPodNetwork([])).rejects.toBeInstanceOf(RangeError);
  });
});
