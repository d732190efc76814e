import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { activeStandbyAssignor, type ActiveStandbyLogger } from '@kafka-assignors/assignor-active-standby';
import { runCli } from '@kafka-assignors/cli';
import { Changes, GroupLedger, startKafkaJSMember } from '@kafka-assignors/local-kafka';
import { describeWithKafka, testTopics } from '@kafka-assignors/local-kafka/vitest';
import { memoryInput } from '../lab/memory-input.js';
import { startTwoActiveStandbyPods } from './two-active-standby-pods.js';

const PARTITIONS = 3;
const bin = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const quiet: ActiveStandbyLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface JsonLine {
  readonly timestamp: string;
  readonly state?: string;
  readonly protocol?: string;
  readonly members?: readonly string[];
  readonly active?: string | null;
  readonly error?: string;
}

const parse = (line: string) => JSON.parse(line) as JsonLine;

/** `describe --watch` run in process, its lines kept as they are printed, interrupted as Ctrl-C would. */
function startWatch(bootstrap: string, groupId: string, ...options: string[]) {
  const changes = new Changes();
  const lines: string[] = [];
  const input = {
    ...memoryInput(),
    writeStdout: (text: string) => {
      lines.push(...text.split('\n').filter((line) => line !== ''));
      changes.changed();
    },
  };
  const result = runCli(['describe', '--brokers', bootstrap, '--group', groupId, '--watch', '--interval', '200', ...options], input);
  return {
    lines,
    /** The index of the first line from `from` on that `matches`, once one is printed. */
    lineAfter: (from: number, matches: (line: string) => boolean, awaited: string) =>
      changes.untilFound(
        () => {
          const index = lines.findIndex((line, at) => at >= from && matches(line));
          return index === -1 ? undefined : index;
        },
        () => `a line ${awaited}; printed: ${JSON.stringify(lines)}`,
      ),
    interrupt: async () => {
      input.interrupt();
      return result;
    },
  };
}

describeWithKafka('kafka-assignors describe --watch on a real broker', (kafka) => {
  const topicAndGroup = testTopics(kafka, 'describe-watch-it');

  test('follows a failover of an active-standby group: a line naming the first active, then one naming the new active', async () => {
    const { topic, groupId, stopsWithTheTest } = await topicAndGroup('describe-watch', PARTITIONS);
    const { active: first, standby: successor } = await startTwoActiveStandbyPods({ brokers: kafka.brokers, groupId, topic, stopsWithTheTest });
    const [firstId, successorId] = [first.memberId, successor.memberId];

    const text = startWatch(kafka.bootstrap, groupId);
    const json = startWatch(kafka.bootstrap, groupId, '--json');
    stopsWithTheTest(() => Promise.all([text.interrupt(), json.interrupt()]));
    const parsed = () => json.lines.map(parse);
    const firstText = await text.lineAfter(0, (line) => line.includes(` active=${firstId} `), `naming ${firstId} active`);
    const firstJson = await json.lineAfter(0, (line) => parse(line).active === firstId, `naming ${firstId} active`);

    await first.member.stop();

    const nextText = await text.lineAfter(firstText + 1, (line) => line.includes(` active=${successorId} `), `naming ${successorId} active`);
    await json.lineAfter(firstJson + 1, (line) => parse(line).active === successorId, `naming ${successorId} active`);

    expect(text.lines[0]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z Stable protocol=active-standby active=${firstId} members=${[firstId, successorId].sort().join(',')}$`));
    expect(text.lines[nextText]).toMatch(new RegExp(` Stable protocol=active-standby active=${successorId} members=${successorId}$`));
    expect(parsed()[0]).toMatchObject({ state: 'Stable', protocol: 'active-standby', members: [firstId, successorId].sort(), active: firstId });
    expect(parsed().at(-1)).toMatchObject({ state: 'Stable', protocol: 'active-standby', members: [successorId], active: successorId });
    expect(parsed().every(({ timestamp }) => new Date(timestamp).toISOString() === timestamp)).toBe(true);
    // Lines come at changes only: never the same state twice in a row.
    expect(parsed().every((line, index, all) => index === 0 || JSON.stringify({ ...line, timestamp: '' }) !== JSON.stringify({ ...all[index - 1], timestamp: '' }))).toBe(true);

    for (const watch of [text, json]) expect(await watch.interrupt()).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });

  test('the built command, interrupted with SIGINT: its connections closed, exit status 0, nothing on standard error', async () => {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run "npm run build" first (npm test does)`);
    const { topic, groupId, stopsWithTheTest } = await topicAndGroup('describe-watch-sigint', PARTITIONS);
    const assignor = activeStandbyAssignor({ logger: quiet });
    const ledger = new GroupLedger();
    const member = await startKafkaJSMember({ brokers: kafka.brokers, groupId, topic, clientId: 'pod-a', assignor, ledger });
    stopsWithTheTest(() => member.stop());
    await ledger.changes.until(() => assignor.isActive(), () => `pod-a active; ${ledger.describe()}`);
    const memberId = assignor.roleState().memberId;
    const child = spawn(process.execPath, [bin, 'describe', '--brokers', kafka.bootstrap, '--group', groupId, '--watch', '--interval', '200'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    stopsWithTheTest(async () => {
      child.kill('SIGKILL');
      await exited;
    });
    const changes = new Changes();
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      changes.changed();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

    await changes.until(() => stdout.includes('\n'), () => `a first line; printed: ${JSON.stringify(stdout)}, ${JSON.stringify(stderr)}`);
    child.kill('SIGINT');

    // A connection left open would keep the process from exiting; the test would time out.
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z Stable protocol=active-standby active=${memberId} members=${memberId}\n$`));
  });
});
