import { compareStrings } from '@kafka-assignors/core/internal';
import type { ElectionMember } from './election-member.js';
import { compareElectionOrder } from './election-order.js';
import type { DecisionReason } from './role-record.js';

/** The leader's decision: the group's active, why, and who holds each topic that is assigned. */
export interface Election {
  readonly active: ElectionMember | null;
  readonly reason: DecisionReason;
  /** Member id by topic, for every existing topic that some eligible member subscribes to. */
  readonly holders: ReadonlyMap<string, string>;
}

/**
 * Chooses the active among the eligible members, deterministically and from their user data alone:
 *
 * 1. the incumbent (the member with a valid claim of the highest generation, ties broken by the election
 *    order) stays active while it is eligible, unless an eligible member with `preempt` and a strictly
 *    higher priority is present: then the first such member in election order takes over;
 * 2. otherwise the first eligible member in election order (`compareElectionOrder`) becomes active.
 *
 * The active holds every existing topic it subscribes to. Each other existing topic goes whole to one
 * eligible member that subscribes to it: the one that held it after its last rebalance under its current
 * member id (the latest generation wins, then the election order), else the first in election order.
 */
export function elect(members: readonly ElectionMember[], topicExists: (topic: string) => boolean): Election {
  const ranked = [...members].sort(compareElectionOrder);
  const candidates = ranked.filter((member) => member.eligible);
  const first = candidates[0];
  if (first === undefined) return { active: null, reason: 'no-eligible-member', holders: new Map() };
  const { active, reason } = chooseActive(ranked, candidates, first);
  return { active, reason, holders: topicHolders(active, candidates, topicExists) };
}

function chooseActive(
  ranked: readonly ElectionMember[],
  candidates: readonly ElectionMember[],
  first: ElectionMember,
): { active: ElectionMember; reason: DecisionReason } {
  const incumbent = latestClaimant(ranked);
  if (incumbent?.eligible === true) {
    const challenger = candidates.find((candidate) => candidate.preempt && candidate.priority > incumbent.priority);
    return challenger === undefined ? { active: incumbent, reason: 'kept' } : { active: challenger, reason: 'preempted' };
  }
  const hadActive = incumbent !== undefined || ranked.some((member) => member.knewActive);
  return { active: first, reason: hadActive ? 'failover' : 'elected' };
}

/** The member whose valid claim has the highest generation; `ranked` is in election order, which breaks ties. */
function latestClaimant(ranked: readonly ElectionMember[]): ElectionMember | undefined {
  let latest: ElectionMember | undefined;
  let latestGeneration = 0;
  for (const member of ranked) {
    const generation = member.activeClaim;
    if (generation !== null && (latest === undefined || generation > latestGeneration)) {
      latest = member;
      latestGeneration = generation;
    }
  }
  return latest;
}

function topicHolders(active: ElectionMember, candidates: readonly ElectionMember[], topicExists: (topic: string) => boolean): Map<string, string> {
  const holders = new Map<string, string>();
  for (const topic of active.topics) if (topicExists(topic)) holders.set(topic, active.memberId);

  // Subscribers of each topic the active leaves, in election order.
  const subscribers = new Map<string, ElectionMember[]>();
  for (const candidate of candidates) {
    for (const topic of new Set(candidate.topics)) {
      if (holders.has(topic) || !topicExists(topic)) continue;
      const list = subscribers.get(topic);
      if (list === undefined) subscribers.set(topic, [candidate]);
      else list.push(candidate);
    }
  }
  for (const topic of [...subscribers.keys()].sort(compareStrings)) {
    const list = subscribers.get(topic) ?? [];
    const holder = previousHolder(list, topic) ?? list[0];
    if (holder !== undefined) holders.set(topic, holder.memberId);
  }
  return holders;
}

function previousHolder(subscribers: readonly ElectionMember[], topic: string): ElectionMember | undefined {
  let previous: ElectionMember | undefined;
  for (const member of subscribers) {
    if (member.heldTopics.has(topic) && (previous === undefined || member.heldGeneration > previous.heldGeneration)) previous = member;
  }
  return previous;
}
