import type { TopicMetadata, TopicPartitions } from '@kafka-assignors/core';
import { GroupSimulator } from '@kafka-assignors/core/simulator';
import type { CatalogEntry } from '../assignor-catalog.js';
import type { LabEvent, LabHistory, LabTopic } from './lab-history.js';
import { timedAssignor } from './timed-assignor.js';

/** A member at the end of a round: what it subscribes to and what it holds. */
export interface SettledMember {
  readonly name: string;
  readonly topics: readonly string[];
  readonly partitions: readonly TopicPartitions[];
}

/** How the group stands once a round's events are applied and it stopped rebalancing. */
export interface SettledRound {
  /** In join order. */
  readonly members: readonly SettledMember[];
  /** JoinGroup/SyncGroup rounds it took: none when no event concerned the members, more for cooperative assignors. */
  readonly rebalances: number;
  /** Wall-clock milliseconds of each of the leader's `assign()` calls; empty when not timed. */
  readonly assignMilliseconds: readonly number[];
}

export interface AssignorRun {
  readonly assignor: string;
  /** Round 0 (the group forming), then one per round of the history. */
  readonly rounds: readonly SettledRound[];
}

/**
 * Takes a group through the history with every member running the assignor, in the in-memory simulator:
 * all subscriptions and assignments pass through the consumer-protocol codec, and an invalid assignment
 * stops the run with an `InvalidAssignmentError`. `now` times each assignment; `onRound` follows progress.
 */
export function replayHistory(history: LabHistory, entry: CatalogEntry, now: (() => number) | null, onRound: (round: number) => void): AssignorRun {
  let timings: number[] = [];
  const simulator = new GroupSimulator({
    createAssignor: (name) => {
      const assignor = entry.create({ memberId: name, topics: [] });
      return now === null ? assignor : timedAssignor(assignor, now, (milliseconds) => timings.push(milliseconds));
    },
    topics: history.topics.map((topic) => [topic.name, topicMetadata(topic)] as const),
    throwOnViolation: true,
  });
  const settle = (events: readonly LabEvent[]): SettledRound => {
    for (const event of events) applyLabEvent(simulator, event);
    const rebalances = simulator.settle().length;
    const members = simulator.memberNames.map((name) => {
      const { topics, assignment } = simulator.context(name);
      return { name, topics, partitions: assignment };
    });
    const round = { members, rebalances, assignMilliseconds: timings };
    timings = [];
    return round;
  };

  const rounds = [settle(history.members)];
  onRound(0);
  history.rounds.forEach((events, index) => {
    rounds.push(settle(events));
    onRound(index + 1);
  });
  return { assignor: entry.name, rounds };
}

function topicMetadata(topic: LabTopic): TopicMetadata {
  return topic.replicaRacks === null ? { partitionCount: topic.partitions } : { partitionCount: topic.partitions, replicaRacks: topic.replicaRacks };
}

function applyLabEvent(simulator: GroupSimulator, event: LabEvent): void {
  switch (event.event) {
    case 'join':
      simulator.join(event.member, { topics: event.topics, rackId: event.rackId, groupInstanceId: event.isStatic ? event.member : null });
      return;
    case 'leave':
    case 'crash':
    case 'expire':
      simulator[event.event](event.member);
      return;
    case 'rejoin':
      simulator.rejoinZombie(event.member);
      return;
    case 'subscribe':
      simulator.changeSubscription(event.member, event.topics);
      return;
    case 'add-partitions':
      simulator.addPartitions(event.topic, event.count, event.replicaRacks);
      return;
    case 'delete-topic':
      simulator.deleteTopic(event.topic);
      return;
  }
}
