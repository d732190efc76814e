import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '@kafka-assignors/cli';
import { memoryInput } from '../lab/memory-input.js';

/** A TCP server that takes every connection and never says a word, as a port of something else might. */
async function silentServer(): Promise<{ address: string; server: Server; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { address: `127.0.0.1:${port}`, server, sockets };
}

describe('describe against a server that accepts connections and never answers', () => {
  const servers: { server: Server; sockets: Socket[] }[] = [];
  afterEach(async () => {
    for (const { server, sockets } of servers.splice(0)) {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it.each([
    [[], /^kafka-assignors: 127\.0\.0\.1:\d+ accepted the connection but sent no answer in time \(we spoke PLAINTEXT\): is it a Kafka listener\?\n$/],
    [['--ssl'], /^kafka-assignors: no TLS handshake with 127\.0\.0\.1:\d+ in time: is it a TLS listener, and reachable\?\n$/],
  ])('with %j ends with one line and exit status 1 within its timeouts, never hanging', async (options, line) => {
    const silent = await silentServer();
    servers.push(silent);
    const started = performance.now();
    const result = await runCli(['describe', '--brokers', silent.address, ...options, '--group', 'orders'], memoryInput());
    const elapsedMs = performance.now() - started;
    expect(result).toEqual({ exitCode: 1, stdout: '', stderr: expect.stringMatching(line) as unknown });
    console.info(`describe ${options.join(' ')} against a silent server gave up after ${Math.round(elapsedMs)} ms`);
    // Two attempts (the retry per bootstrap broker) of the 5 s request timeout, or of the 2 s connection timeout.
    expect(elapsedMs).toBeLessThan(15_000);
  }, 30_000);
});
