import { describe, expect, it } from 'vitest';
import { ClusterError } from '../../src/connection/cluster-error.js';
import type { GroupDescription } from '../../src/describe/group-description.js';
import { watchGroup } from '../../src/describe/watch-group.js';
import type { WatchFormat } from '../../src/describe/watch-line.js';

/** A group as describe sees it, reduced to what the watch reads. */
function group(state: string, protocol: string, memberIds: readonly string[], active?: string | null): GroupDescription {
  const members = memberIds.map((memberId) => ({ memberId, groupInstanceId: null, clientId: memberId, clientHost: '/127.0.0.1', subscription: null, assignment: null }));
  return { groupId: 'billing', state, protocolType: 'consumer', protocol, members, ...(active === undefined ? {} : { activeStandby: { activeMemberId: active } }) };
}

type Answer = GroupDescription | ClusterError;

/**
 * Runs the watch over `answers`, one per poll, on a clock that starts at 08:00:00 UTC and moves only when the
 * watch sleeps; the watch is interrupted in the sleep after the last answer, or during the poll `interruptedAtPoll`
 * (counted from 1). No time passes for real.
 */
async function watch(answers: readonly Answer[], { format = 'text', intervalMs = 1000, interruptedAtPoll = 0 }: { format?: WatchFormat; intervalMs?: number; interruptedAtPoll?: number } = {}) {
  const interrupt = new AbortController();
  const lines: string[] = [];
  const sleeps: number[] = [];
  let time = Date.parse('2026-12-03T08:00:00.000Z');
  let polls = 0;
  await watchGroup(
    {
      describe: () => {
        const answer = answers[polls];
        polls += 1;
        if (polls === interruptedAtPoll) interrupt.abort();
        if (answer === undefined) throw new Error('polled after the interrupt');
        return answer instanceof ClusterError ? Promise.reject(answer) : Promise.resolve(answer);
      },
      sleep: (ms, signal) => {
        expect(signal).toBe(interrupt.signal);
        sleeps.push(ms);
        time += ms;
        if (polls === answers.length) interrupt.abort();
        return Promise.resolve();
      },
      now: () => new Date(time),
      write: (line) => lines.push(line),
      signal: interrupt.signal,
    },
    { intervalMs, format },
  );
  return { lines, sleeps, polls };
}

const stable = (active: string, ...members: string[]) => group('Stable', 'active-standby', members, active);

describe('describe --watch', () => {
  it('prints the first state, then a line only when the active member, the protocol or the members change', async () => {
    const { lines, sleeps } = await watch([
      stable('a-1', 'a-1', 'b-1'),
      stable('a-1', 'a-1', 'b-1'),
      group('PreparingRebalance', '', ['b-1'], null),
      group('CompletingRebalance', '', ['b-1'], null),
      stable('b-1', 'b-1'),
      stable('b-1', 'b-1'),
    ]);

    expect(lines).toEqual([
      '2026-12-03T08:00:00.000Z Stable protocol=active-standby active=a-1 members=a-1,b-1\n',
      '2026-12-03T08:00:02.000Z PreparingRebalance protocol=- active=- members=b-1\n',
      '2026-12-03T08:00:04.000Z Stable protocol=active-standby active=b-1 members=b-1\n',
    ]);
    expect(sleeps).toEqual([1000, 1000, 1000, 1000, 1000, 1000]);
  });

  it('notices a member joining, a member replaced under another id, and another protocol, in groups without an active member', async () => {
    const { lines } = await watch([
      group('Stable', 'range', ['a-1']),
      group('Stable', 'range', ['a-1', 'b-1']),
      group('Stable', 'range', ['a-1', 'b-2']),
      group('Stable', 'roundrobin', ['a-1', 'b-2']),
      group('Empty', '', []),
    ]);

    expect(lines.map((line) => line.slice('2026-12-03T08:00:00.000Z '.length))).toEqual([
      'Stable protocol=range active=- members=a-1\n',
      'Stable protocol=range active=- members=a-1,b-1\n',
      'Stable protocol=range active=- members=a-1,b-2\n',
      'Stable protocol=roundrobin active=- members=a-1,b-2\n',
      'Empty protocol=- active=- members=-\n',
    ]);
  });

  it('says once that the cluster stopped answering, polls on, and prints the group when it answers again', async () => {
    const unreachable = new ClusterError('cannot reach 127.0.0.1:9092 (ECONNREFUSED)');
    const { lines, polls } = await watch([
      stable('a-1', 'a-1'),
      unreachable,
      unreachable,
      new ClusterError('cannot reach 127.0.0.1:9092 (ETIMEDOUT)'),
      stable('a-1', 'a-1'),
    ]);

    expect(polls).toBe(5);
    expect(lines).toEqual([
      '2026-12-03T08:00:00.000Z Stable protocol=active-standby active=a-1 members=a-1\n',
      '2026-12-03T08:00:01.000Z no answer: cannot reach 127.0.0.1:9092 (ECONNREFUSED)\n',
      '2026-12-03T08:00:03.000Z no answer: cannot reach 127.0.0.1:9092 (ETIMEDOUT)\n',
      '2026-12-03T08:00:04.000Z Stable protocol=active-standby active=a-1 members=a-1\n',
    ]);
  });

  it('with --json, prints one JSON object per line', async () => {
    const { lines } = await watch([stable('a-1', 'a-1', 'b-1'), new ClusterError('cannot reach k:9092 (ECONNREFUSED)'), stable('b-1', 'b-1')], {
      format: 'json',
      intervalMs: 250,
    });

    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      { timestamp: '2026-12-03T08:00:00.000Z', state: 'Stable', protocol: 'active-standby', members: ['a-1', 'b-1'], active: 'a-1' },
      { timestamp: '2026-12-03T08:00:00.250Z', error: 'cannot reach k:9092 (ECONNREFUSED)' },
      { timestamp: '2026-12-03T08:00:00.500Z', state: 'Stable', protocol: 'active-standby', members: ['b-1'], active: 'b-1' },
    ]);
    expect(lines.every((line) => line.endsWith('}\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
  });

  it('ends at the interrupt, without printing what the poll under way returns', async () => {
    const { lines, polls } = await watch([stable('a-1', 'a-1'), stable('b-1', 'b-1'), stable('b-1', 'b-1')], { interruptedAtPoll: 2 });

    expect(polls).toBe(2);
    expect(lines).toHaveLength(1);
  });

  it('throws the first description\'s ClusterError, as describe reports it', async () => {
    await expect(watch([new ClusterError('group "billing" does not exist on k:9092')])).rejects.toThrow('group "billing" does not exist on k:9092');
  });
});
