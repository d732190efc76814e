import { describe, expect, it } from 'vitest';
import { runCli, type CliInput } from '@kafka-assignors/cli';
import { memoryInput } from './lab/memory-input.js';

function input(stdin: string): CliInput {
  return { ...memoryInput(), readStdin: () => Promise.resolve(stdin) };
}

describe('kafka-assignors assign on a scenario whose group an assignor refuses', () => {
  it('says what is wrong on one line, with exit status 2, as for a malformed scenario', async () => {
    const scenario = JSON.stringify({
      topics: [{ name: 'orders', partitions: 2 }],
      members: [
        { memberId: 'a', topics: ['orders'], groupInstanceId: 'pod-1' },
        { memberId: 'b', topics: ['orders'], groupInstanceId: 'pod-1' },
      ],
    });
    expect(await runCli(['assign', '--assignor', 'range'], input(scenario))).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'kafka-assignors: the range assignor was given a malformed group: members[1].groupInstanceId (member "b") is also the group instance id of members[0]\n',
    });
  });
});
