import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Group } from '@kafka-assignors/core';
import { runCli, type CliInput } from '@kafka-assignors/cli';

const fixture = new URL('fixtures/two-members.json', import.meta.url);
const activeStandbyFixture = new URL('fixtures/active-standby.json', import.meta.url);

function input(stdin = ''): CliInput {
  return {
    readFile: (path) => readFile(path, 'utf8'),
    readStdin: () => Promise.resolve(stdin),
    writeFile: () => Promise.reject(new Error('assign writes no file')),
    now: () => 0,
    terminal: null,
    writeStdout: () => {
      throw new Error('assign prints nothing as it goes');
    },
    catchInterrupt: () => new AbortController().signal,
    environment: {},
  };
}

describe('kafka-assignors assign', () => {
  it('prints every member with its topics and partitions in ascending order', async () => {
    const result = await runCli(['assign', '--assignor', 'roundrobin', fixture.pathname], input());
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      assignment: {
        'pod-2': [{ topic: 'orders', partitions: [1] }],
        'pod-1': [{ topic: 'orders', partitions: [0, 2] }, { topic: 'payments', partitions: [0, 1] }],
      },
    });
  });

  it('runs the range assignor on the example of docs/scenario-format.md, giving the output shown there', async () => {
    const format = await readFile(new URL('../../../docs/scenario-format.md', import.meta.url), 'utf8');
    const [scenario, output] = [...format.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((block) => block[1]!);
    const result = await runCli(['assign', '--assignor', 'range'], input(scenario));
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(output!));
  });

  it.each([
    ['sticky', { 'pod-1': [{ topic: 'orders', partitions: [0, 1, 2] }], 'pod-2': [{ topic: 'orders', partitions: [3, 4, 5] }] }],
    ['cooperative-sticky', { 'pod-1': [{ topic: 'orders', partitions: [0, 1, 2] }], 'pod-2': [] }],
  ])('runs %s on what members owned: half moves, or waits a round while its owner still holds it', async (assignor, assignment) => {
    const result = await runCli(['assign', '--assignor', assignor, new URL('fixtures/sticky.json', import.meta.url).pathname], input());
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ assignment });
  });

  it('reads standard input when no file is given', async () => {
    const stdin = await readFile(fixture, 'utf8');
    const result = await runCli(['assign', '-a', 'roundrobin'], input(stdin));
    expect(result.exitCode).toBe(0);
    expect(Object.keys((JSON.parse(result.stdout) as { assignment: object }).assignment)).toEqual(['pod-2', 'pod-1']);
  });

  it.each([
    [['assign', '--assignor', 'nope', fixture.pathname], /unknown assignor "nope" \(available: active-standby, cooperative-sticky, range, roundrobin, sticky\)/],
    [['assign', fixture.pathname], /needs --assignor NAME/],
    [['assign', '--assignor', 'roundrobin', 'missing.json'], /cannot read missing.json: ENOENT/],
    [['assign', '--assignor', 'roundrobin', '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('rejects %j with one line and exit status 2', async (argv, message) => {
    const result = await runCli(argv, input());
    expect(result).toMatchObject({ exitCode: 2, stdout: '' });
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it.each([
    ['{"topics": [', /^kafka-assignors: not valid JSON/],
    ['{"topics": [], "members": {}}', /^kafka-assignors: members: expected an array\n$/],
    ['{"topics": [{"name": "t", "partitions": -1}], "members": []}', /topics\[0\]\.partitions: expected an integer/],
    ['{"topics": [], "members": [{"memberId": "a", "topics": ["t"], "userData": "%%"}]}', /members\[0\]\.userData: expected base64/],
    ['{"topics": [], "members": [{"memberId": "a", "topics": []}, {"memberId": "a", "topics": []}]}', /memberId "a" appears twice/],
  ])('rejects the malformed scenario %s with exit status 2', async (stdin, message) => {
    const result = await runCli(['assign', '--assignor', 'roundrobin'], input(stdin));
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('runs active-standby with each member\'s settings from its state, and its claim from what it owned', async () => {
    const scenario = await readFile(activeStandbyFixture, 'utf8');
    const result = await runCli(['assign', '--assignor', 'active-standby'], input(scenario));
    expect(result.exitCode).toBe(0);
    const everything = [{ topic: 'orders', partitions: [0, 1, 2] }, { topic: 'payments', partitions: [0, 1] }];
    expect(JSON.parse(result.stdout)).toEqual({ assignment: { 'pod-b-2': [], 'pod-a-1': everything, 'pod-c-3': [] } });

    const withoutClaim = JSON.parse(scenario) as { members: { owned?: unknown }[] };
    for (const member of withoutClaim.members) delete member.owned;
    const elected = await runCli(['assign', '--assignor', 'active-standby'], input(JSON.stringify(withoutClaim)));
    expect(JSON.parse(elected.stdout)).toEqual({ assignment: { 'pod-b-2': everything, 'pod-a-1': [], 'pod-c-3': [] } });
  });

  it.each([
    ['{"priority": 1.5}', 'member "a" state.priority: must be an integer from -2147483648 to 2147483647, not 1.5'],
    ['{"eligible": "no"}', 'member "a" state.eligible: expected a boolean'],
    ['{"logger": {}}', 'member "a" state.logger: is not an active-standby setting (priority, name, eligible, preempt)'],
    ['[]', 'member "a" state: expected an object'],
  ])('rejects the active-standby state %s with one line and exit status 2', async (state, message) => {
    const scenario = `{"topics": [], "members": [{"memberId": "a", "topics": [], "state": ${state}}]}`;
    const result = await runCli(['assign', '--assignor', 'active-standby'], input(scenario));
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: `kafka-assignors: ${message}\n` });
  });

  it('refuses an invalid result from an assignor with one line and exit status 1', async () => {
    const greedy = {
      name: 'greedy',
      summary: 'gives every member partition 0 of orders',
      create: () => ({
        name: 'greedy',
        rebalanceProtocols: ['eager' as const],
        assign: (group: Group) => new Map(group.members.map((m) => [m.memberId, { partitions: [{ topic: 'orders', partitions: [0] }], userData: null }])),
      }),
    };
    const result = await runCli(['assign', '--assignor', 'greedy', fixture.pathname], input(), [greedy]);
    expect(result).toMatchObject({ exitCode: 1, stdout: '' });
    expect(result.stderr).toMatch(/^kafka-assignors: the greedy assignor returned an invalid assignment: .*orders-0.*\n$/);
  });

  it('explains itself with --help and lists the assignors', async () => {
    const result = await runCli(['--help'], input());
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/assign --assignor NAME \[FILE\]/);
    expect(result.stdout).toMatch(/range +the Java client's RangeAssignor/);
    expect(result.stdout).toMatch(/roundrobin +the Java client's RoundRobinAssignor/);
    expect(result.stdout).toMatch(/sticky +the Java client's sticky protocol/);
    expect(result.stdout).toMatch(/cooperative-sticky +sticky under KIP-429/);
  });
});
