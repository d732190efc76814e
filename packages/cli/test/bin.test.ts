import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const fixture = fileURLToPath(new URL('fixtures/two-members.json', import.meta.url));

function run(args: string[], input = '') {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run "npm run build" first (npm test does)`);
  return spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8' });
}

describe('the built kafka-assignors command', () => {
  it('assigns a scenario file end to end', () => {
    const result = run(['assign', '--assignor', 'roundrobin', fixture]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      assignment: {
        'pod-2': [{ topic: 'orders', partitions: [1] }],
        'pod-1': [{ topic: 'orders', partitions: [0, 2] }, { topic: 'payments', partitions: [0, 1] }],
      },
    });
  });

  it('rejects a malformed scenario with one line on standard error and exit status 2', () => {
    const result = run(['assign', '--assignor', 'roundrobin'], '{"topics": [], "members": [{"memberId": 7}]}');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('kafka-assignors: members[0].memberId: expected a string\n');
  });
});
