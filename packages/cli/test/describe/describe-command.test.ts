import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from '@kafka-assignors/cli';
import { memoryInput } from '../lab/memory-input.js';

/** describe reads no file and no standard input. */
const noInput = memoryInput();

/** A port on 127.0.0.1 that nothing listens on: one that was just free. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('kafka-assignors describe', () => {
  it.each([
    [['describe', '--group', 'orders'], 'describe needs --brokers HOST:PORT (or KAFKA_BROKERS); try --help'],
    [['describe', '--brokers', '127.0.0.1:9092'], 'describe needs --group ID; try --help'],
    [['describe', '--brokers', '127.0.0.1:9092', '--group', ''], 'describe needs --group ID; try --help'],
    [['describe', '--brokers', 'localhost', '--group', 'orders'], '--brokers: "localhost" is not HOST:PORT'],
    [['describe', '--brokers', 'a:9092,b:99999', '--group', 'orders'], '--brokers: "b:99999" is not HOST:PORT'],
    [['describe', '--brokers', 'a:9092', '--group', 'orders', 'extra'], 'describe takes no arguments, got "extra"'],
    [['describe', '--brokers', 'a:9092', '--group', 'orders', '--interval', '500'], '--interval goes with --watch'],
    [['describe', '--brokers', 'a:9092', '--group', 'orders', '--watch', '--interval', '0'], '--interval: "0" is not a number of milliseconds from 1 to 2147483647'],
    [['describe', '--brokers', 'a:9092', '--group', 'orders', '--watch', '--interval', '1s'], '--interval: "1s" is not a number of milliseconds from 1 to 2147483647'],
  ])('rejects %j with one line and exit status 2', async (argv, message) => {
    expect(await runCli(argv, noInput)).toEqual({ exitCode: 2, stdout: '', stderr: `kafka-assignors: ${message}\n` });
  });

  it('rejects an unknown option with one line and exit status 2', async () => {
    const result = await runCli(['describe', '--bogus'], noInput);

    expect(result).toMatchObject({ exitCode: 2, stdout: '' });
    expect(result.stderr).toMatch(/^kafka-assignors: Unknown option '--bogus'.*\n$/);
  });

  it('reports a broker it cannot reach in one line, with exit status 1, within seconds', async () => {
    const port = await closedPort();
    const started = Date.now();

    const result = await runCli(['describe', '--brokers', `127.0.0.1:${port}`, '--group', 'orders'], noInput);

    expect(result).toEqual({ exitCode: 1, stdout: '', stderr: `kafka-assignors: cannot reach 127.0.0.1:${port} (ECONNREFUSED)\n` });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('--watch reports a broker it cannot reach at the start as describe does, with exit status 1', async () => {
    const port = await closedPort();
    const input = memoryInput();

    const result = await runCli(['describe', '--brokers', `127.0.0.1:${port}`, '--group', 'orders', '--watch'], input);

    expect(result).toEqual({ exitCode: 1, stdout: '', stderr: `kafka-assignors: cannot reach 127.0.0.1:${port} (ECONNREFUSED)\n` });
    expect(input.printed).toEqual([]);
  });

  it('is explained by --help', async () => {
    const result = await runCli(['describe', '--help'], noInput);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/describe --brokers HOST:PORT \[CONNECTION\] --group ID \[--json\]\s+\[--watch \[--interval MS\]\]/);
    expect(result.stdout).toContain('--sasl-mechanism NAME            KAFKA_SASL_MECHANISM');
  });
});
