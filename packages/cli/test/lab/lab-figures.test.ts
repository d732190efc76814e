import { describe, expect, it } from 'vitest';
import { assignorCatalog, runCli } from '@kafka-assignors/cli';
import type { TopicPartitions } from '@kafka-assignors/core';
import { GroupSimulator, type RoundMember } from '@kafka-assignors/core/testing';
import { DEFAULT_HISTORY_SETTINGS, generateHistory } from '../../src/lab/generate-history.js';
import type { LabEvent, LabHistory } from '../../src/lab/lab-history.js';
import { memoryInput, printedFigures } from './memory-input.js';

const SMALL = { seed: 7, members: 4, topics: 3, partitions: 14, rounds: 16 };
const SMALL_ARGS = Object.entries(SMALL).flatMap(([option, value]) => [`--${option}`, String(value)]);

/** What a round left: each member's name, subscription and partitions as "topic-partition" strings. */
interface Holding {
  readonly name: string;
  readonly topics: readonly string[];
  readonly partitions: readonly string[];
}

/**
 * Takes the history through the simulator with this test's own handling of events, and keeps, for each
 * round, the last assignment the simulator recorded (or the one before when the round needed no rebalance).
 */
function recordedRounds(history: LabHistory, assignor: string): { holdings: Holding[][]; rebalances: number[] } {
  const entry = assignorCatalog.find((candidate) => candidate.name === assignor);
  if (entry === undefined) throw new Error(`no ${assignor}`);
  const simulator = new GroupSimulator({
    createAssignor: (name) => entry.create({ memberId: name, topics: [] }),
    topics: history.topics.map((topic) => [topic.name, topic.replicaRacks === null ? { partitionCount: topic.partitions } : { partitionCount: topic.partitions, replicaRacks: topic.replicaRacks }]),
  });
  const subscriptions = new Map<string, readonly string[]>();
  const apply = (event: LabEvent) => {
    switch (event.event) {
      case 'join':
        simulator.join(event.member, { topics: event.topics, rackId: event.rackId });
        subscriptions.set(event.member, event.topics);
        return;
      case 'leave':
        return simulator.leave(event.member);
      case 'crash':
        return simulator.crash(event.member);
      case 'expire':
        return simulator.expire(event.member);
      case 'rejoin':
        return void simulator.rejoinZombie(event.member);
      case 'subscribe':
        simulator.changeSubscription(event.member, event.topics);
        subscriptions.set(event.member, event.topics);
        return;
      case 'add-partitions': {
        const before = simulator.topics.get(event.topic);
        const racks = event.replicaRacks === null ? {} : { replicaRacks: [...(before?.replicaRacks ?? []), ...event.replicaRacks] };
        return simulator.setTopic(event.topic, { partitionCount: (before?.partitionCount ?? 0) + event.count, ...racks });
      }
      case 'delete-topic':
        return simulator.deleteTopic(event.topic);
    }
  };
  const holding = (member: RoundMember): Holding => ({
    name: member.name,
    topics: subscriptions.get(member.name) ?? [],
    partitions: member.partitions.flatMap(({ topic, partitions }: TopicPartitions) => partitions.map((partition) => `${topic}-${partition}`)),
  });

  const holdings: Holding[][] = [];
  const rebalances: number[] = [];
  for (const events of [history.members, ...history.rounds]) {
    events.forEach(apply);
    const rounds = simulator.settle();
    const last = rounds.at(-1);
    holdings.push(last === undefined ? (holdings.at(-1) ?? []) : last.members.map(holding));
    rebalances.push(rounds.length);
  }
  return { holdings, rebalances };
}

function holderOf(round: readonly Holding[]): Map<string, string> {
  return new Map(round.flatMap((member) => member.partitions.map((partition) => [partition, member.name] as const)));
}

/** Counted round by round, as the README defines them; round 0 left out. */
function expectedFigures(holdings: readonly Holding[][], rebalances: readonly number[]): number[] {
  const moves: number[] = [];
  const spreads: number[] = [];
  let idleRounds = 0;
  for (let round = 1; round < holdings.length; round++) {
    const before = holderOf(holdings[round - 1] ?? []);
    const now = holdings[round] ?? [];
    let moved = 0;
    for (const [partition, holder] of holderOf(now)) if (before.has(partition) && before.get(partition) !== holder) moved++;
    moves.push(moved);
    const counts = now.map((member) => member.partitions.length);
    spreads.push(counts.length === 0 ? 0 : Math.max(...counts) - Math.min(...counts));
    const idle = now.some((member) => {
      if (member.partitions.length > 0) return false;
      return member.topics.some((topic) =>
        now.some((other) => other.partitions.filter((partition) => partition.slice(0, partition.lastIndexOf('-')) === topic).length >= 2),
      );
    });
    if (idle) idleRounds++;
  }
  const sorted = [...moves].sort((a, b) => a - b);
  const median = sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2] : ((sorted[sorted.length / 2 - 1] ?? 0) + (sorted[sorted.length / 2] ?? 0)) / 2;
  return [
    moves.reduce((a, b) => a + b, 0),
    median ?? 0,
    Math.max(...moves),
    Math.max(...spreads),
    spreads.at(-1) ?? 0,
    idleRounds,
    rebalances.slice(1).reduce((a, b) => a + b, 0),
  ];
}

describe('kafka-assignors lab figures', () => {
  it('match a count of moves, spreads, idle rounds and rebalances made here from the simulator\'s rounds, for every assignor', async () => {
    const result = await runCli(['lab', ...SMALL_ARGS, '--no-timings'], memoryInput());
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    const printed = printedFigures(result.stdout);
    expect([...printed.keys()]).toEqual(assignorCatalog.map((entry) => entry.name));

    const history = generateHistory({ ...DEFAULT_HISTORY_SETTINGS, ...SMALL });
    for (const assignor of printed.keys()) {
      const { holdings, rebalances } = recordedRounds(history, assignor);
      expect(printed.get(assignor), assignor).toEqual(expectedFigures(holdings, rebalances));
    }
    // The history is not a quiet one: partitions move, and active-standby leaves standbys idle.
    expect(printed.get('roundrobin')?.[0]).toBeGreaterThan(0);
    expect(printed.get('active-standby')?.[5]).toBeGreaterThan(0);
  });

  it('match what range does by hand on a scripted history', async () => {
    const script = {
      topics: [{ name: 'orders', partitions: 4 }],
      members: [
        { member: 'a', topics: ['orders'] },
        { member: 'b', topics: ['orders'] },
      ],
      rounds: [
        [{ event: 'join', member: 'c', topics: ['orders'] }],
        [{ event: 'crash', member: 'a' }],
        [{ event: 'join', member: 'd', topics: ['orders'] }],
      ],
    };
    const input = memoryInput({ 'script.json': JSON.stringify(script) });
    const result = await runCli(['lab', '--script', 'script.json', '-a', 'range', '-a', 'active-standby', '--no-timings'], input);
    expect(result.exitCode).toBe(0);
    const printed = printedFigures(result.stdout);
    // a [0 1] b [2 3]; c joins: a [0 1] b [2] c [3], 1 moved; a crashes: b [0 1] c [2 3], 3 moved; d joins: b [0 1] c [2] d [3], 1 moved.
    expect(printed.get('range')).toEqual([5, 1, 3, 1, 1, 0, 3]);
    // One member holds all four partitions, every other member nothing: idle in every round.
    expect(printed.get('active-standby')?.slice(3)).toEqual([4, 4, 3, 3]);
  });
});
