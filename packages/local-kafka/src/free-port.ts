import { createServer, type Server } from 'node:net';

/**
 * `count` distinct TCP ports on 127.0.0.1 that were free a moment ago: the OS picks each for a listener on
 * port 0, all are held open together (so no port is handed out twice) and then closed. Another process could
 * take one before the caller binds it; the broker would then fail to start with "Address already in use".
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, listenOnAnyPort));
  try {
    return servers.map((server) => {
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('expected a TCP address from a TCP listener');
      return address.port;
    });
  } finally {
    await Promise.all(servers.map(close));
  }
}

async function listenOnAnyPort(): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return server;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
