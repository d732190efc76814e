import { describe, expect, it } from 'vitest';
import { runCli } from '@kafka-assignors/cli';
import { memoryInput } from './memory-input.js';

const join = (member: string) => ({ event: 'join', member, topics: ['orders'] });
const script = (rounds: unknown, topics: unknown = [{ name: 'orders', partitions: 3 }]) =>
  JSON.stringify({ topics, members: [{ member: 'a', topics: ['orders'] }], rounds });

describe('kafka-assignors lab refuses, with one line and exit status 2,', () => {
  it.each([
    [['--members', '0'], '--members must be an integer from 1 to 10000, not "0"'],
    [['--rounds', 'ten'], '--rounds must be an integer from 1 to 100000, not "ten"'],
    [['--seed', '-1'], "Option '--seed' argument is ambiguous."],
    [['--seed', '4294967296'], '--seed must be an integer from 0 to 4294967295, not "4294967296"'],
    [['--topics', '5', '--partitions', '4'], '--partitions (4) must be at least the number of topics (5): every topic has a partition'],
    [['--churn', 'join=1,dance=2'], '--churn: unknown event "dance" (events: join, leave, crash, expire, rejoin, subscribe, add-partitions, delete-topic)'],
    [['--churn', 'join'], '--churn takes KIND=WEIGHT,..., not "join"'],
    [['--churn', 'leave=0'], '--churn needs at least one event with a weight above 0'],
    [['--churn', 'join=1.5'], '--churn: the weight of join must be an integer from 0 to 1000, not "1.5"'],
    [['-a', 'nope'], 'unknown assignor "nope" (available: active-standby, cooperative-sticky, range, roundrobin, sticky)'],
    [['--script', 's.json', '--seed', '3'], '--seed sets up a generated history and cannot go with --script'],
    [['--script', 'missing.json'], 'cannot read missing.json: ENOENT'],
    [['history.json'], 'lab takes no FILE argument, got "history.json"; a script is read with --script FILE'],
    [['--bogus'], /^kafka-assignors: Unknown option '--bogus'/],
  ])('the options %j', async (args, message) => {
    const result = await runCli(['lab', ...args], memoryInput({ 's.json': script([[]]) }));
    expect(result).toMatchObject({ exitCode: 2, stdout: '' });
    if (typeof message === 'string') expect(result.stderr).toBe(`kafka-assignors: ${message}\n`);
    else expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it.each([
    ['{"topics": [', /^not valid JSON/],
    [JSON.stringify({ topics: [], members: [] }), /^rounds: expected an array$/],
    [script([]), /^rounds: expected at least one round$/],
    [script([[]], [{ name: 'orders', partitions: 0 }]), /^topics\[0\]\.partitions: expected an integer from 1 to 1000000$/],
    [script([[]], [{ name: 'orders', partitions: 1 }, { name: 'orders', partitions: 2 }]), /^topics\[1\]\.name: topic "orders" appears twice$/],
    [script([[]], [{ name: 'orders', partitions: 2, replicaRacks: [['r1']] }]), /^topics\[0\]\.replicaRacks: has 1 entries for 2 partitions$/],
    [script([[{ event: 'dance' }]]), /^rounds\[0\]\[0\]\.event: expected one of join, leave, crash, expire, rejoin, subscribe, add-partitions, delete-topic$/],
    [script([[], [join('a')]]), /^rounds\[1\]\[0\]\.member: "a" is already in the group$/],
    [script([[{ event: 'leave', member: 'b' }]]), /^rounds\[0\]\[0\]\.member: "b" is not in the group at this point$/],
    [script([[{ event: 'crash', member: 'a' }, { event: 'subscribe', member: 'a', topics: [] }]]), /^rounds\[0\]\[1\]\.member: "a" is not in the group/],
    [script([[{ event: 'rejoin', member: 'a' }]]), /^rounds\[0\]\[0\]\.member: "a" has not expired, so it cannot rejoin$/],
    [script([[{ event: 'expire', member: 'a' }], [join('a')]]), /^rounds\[1\]\[0\]\.member: "a" has expired and its process still runs: it can only rejoin$/],
    [script([[{ event: 'delete-topic', topic: 'payments' }]]), /^rounds\[0\]\[0\]\.topic: "payments" does not exist at this point$/],
    [script([[{ event: 'add-partitions', topic: 'orders', count: 2, replicaRacks: [] }]]), /^rounds\[0\]\[0\]\.replicaRacks: has 0 entries for 2 partitions$/],
    [script([[{ event: 'join', member: 'b', topics: ['orders'], static: 'yes' }]]), /^rounds\[0\]\[0\]\.static: expected a boolean$/],
    [script([[{ event: 'subscribe', member: 'a', topics: [7] }]]), /^rounds\[0\]\[0\]\.topics\[0\]: expected a non-empty string$/],
  ])('the script %s', async (text, message) => {
    const result = await runCli(['lab', '--script', 'lab.json'], memoryInput({ 'lab.json': text }));
    expect(result).toMatchObject({ exitCode: 2, stdout: '' });
    expect(result.stderr.startsWith('kafka-assignors: lab.json: ')).toBe(true);
    expect(result.stderr.slice('kafka-assignors: lab.json: '.length).trimEnd()).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a report it cannot write', async () => {
    const input = { ...memoryInput(), writeFile: () => Promise.reject(Object.assign(new Error('denied'), { code: 'EACCES' })) };
    const result = await runCli(['lab', '--rounds', '2', '--out', '/nope/report.html'], input);
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: 'kafka-assignors: cannot write /nope/report.html: EACCES\n' });
  });
});

describe('kafka-assignors lab --help', () => {
  it('explains the lab with the other commands, and runs nothing', async () => {
    const input = memoryInput();
    const result = await runCli(['lab', '--help'], input);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^ {2}lab \[--seed N\] \[--members N\]/m);
    expect(input.written.size).toBe(0);
  });
});
