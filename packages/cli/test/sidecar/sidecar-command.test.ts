import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from '@kafka-assignors/cli';
import { memoryInput } from '../lab/memory-input.js';

const required = ['--brokers', '127.0.0.1:9092', '--group', 'billing-sidecar', '--topic', 'billing'];

describe('kafka-assignors sidecar', () => {
  it.each([
    [['--group', 'g', '--topic', 't'], 'sidecar needs --brokers HOST:PORT (or KAFKA_BROKERS); try --help'],
    [['--brokers', 'a:9092', '--topic', 't'], 'sidecar needs --group ID; try --help'],
    [['--brokers', 'a:9092', '--group', 'g'], 'sidecar needs --topic NAME; try --help'],
    [['--brokers', 'a:9092', '--group', 'g', '--topic', ''], 'sidecar needs --topic NAME; try --help'],
    [['--brokers', 'kafka', '--group', 'g', '--topic', 't'], '--brokers: "kafka" is not HOST:PORT'],
    [[...required, '--port', '65536'], '--port: "65536" is not an integer from 0 to 65535'],
    [[...required, '--port', '80a'], '--port: "80a" is not an integer from 0 to 65535'],
    [[...required, '--priority', '1.5'], '--priority: "1.5" is not an integer from -2147483648 to 2147483647'],
    [[...required, '--priority=2147483648'], '--priority: "2147483648" is not an integer from -2147483648 to 2147483647'],
    [[...required, '--name', ''], '--name: expected a non-empty name'],
    [[...required, '--host', ''], '--host: expected a host name or address'],
    [[...required, 'extra'], 'sidecar takes no arguments, got "extra"'],
  ])('refuses %j with one line and exit status 2', async (args, problem) => {
    const input = memoryInput();
    expect(await runCli(['sidecar', ...args], input)).toEqual({ exitCode: 2, stdout: '', stderr: `kafka-assignors: ${problem}\n` });
    expect(input.printed).toEqual([]);
  });

  it('reads the connection from the environment when the flags are absent, and refuses a bad setting with exit status 2 before it serves', async () => {
    const environment = { KAFKA_BROKERS: '127.0.0.1:9094', KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'kerberos' };
    const input = memoryInput({}, null, environment);
    const result = await runCli(['sidecar', '--group', 'g', '--topic', 't'], input);
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'kafka-assignors: KAFKA_SASL_MECHANISM: "kerberos" is not a SASL mechanism the tools speak; use plain, scram-sha-256, scram-sha-512\n',
    });
    expect(input.printed).toEqual([]);
    const typedPassword = await runCli(['sidecar', ...required, '--sasl-password', 'hunter2'], memoryInput());
    expect(typedPassword.exitCode).toBe(2);
    expect(typedPassword.stderr).not.toContain('hunter2');
  });

  it('refuses an unknown option with exit status 2', async () => {
    const result = await runCli(['sidecar', ...required, '--bogus'], memoryInput());
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^kafka-assignors: .*'--bogus'.*\n$/);
  });

  it('prints the usage for --help', async () => {
    const result = await runCli(['sidecar', '--help'], memoryInput());
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('kafka-assignors sidecar --brokers HOST:PORT [CONNECTION] --group ID --topic NAME');
  });

  it('reports a port that is taken with one line and exit status 1, before it joins any group', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
    try {
      const input = memoryInput();
      const result = await runCli(['sidecar', ...required, '--port', String(address.port)], input);
      expect(result).toEqual({ exitCode: 1, stdout: '', stderr: `kafka-assignors: cannot serve the role on 127.0.0.1:${address.port} (EADDRINUSE)\n` });
      expect(input.printed).toEqual([]);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
