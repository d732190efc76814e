import type { ClusterMetadata } from '@kafka-assignors/core';
import type { DecisionReason } from '@kafka-assignors/assignor-active-standby';

/** A member as the README's rules see it, written out independently of the implementation. */
export interface ReferenceMember {
  readonly memberId: string;
  readonly topics: readonly string[];
  readonly readable: boolean;
  readonly eligible: boolean;
  readonly preempt: boolean;
  readonly priority: number;
  /** The configured name, else the group instance id. */
  readonly name: string | null;
}

/** What the previous round decided. */
export interface PreviousRound {
  readonly activeMemberId: string | null;
  readonly memberIds: ReadonlySet<string>;
  /** The member id that held each topic. */
  readonly holders: ReadonlyMap<string, string>;
}

export interface ExpectedRound {
  readonly activeMemberId: string | null;
  readonly reason: DecisionReason;
  /** Member id by topic, for every topic that must be assigned. */
  readonly holders: ReadonlyMap<string, string>;
}

/** The README's election order: readable first, higher priority, named before unnamed, name, member id. */
function electionOrder(a: ReferenceMember, b: ReferenceMember): number {
  const key = (member: ReferenceMember) => [member.readable ? 0 : 1, member.readable ? -member.priority : 0, member.name === null ? 1 : 0] as const;
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return (ka[i] ?? 0) - (kb[i] ?? 0);
  const byName = (a.name ?? '') < (b.name ?? '') ? -1 : (a.name ?? '') > (b.name ?? '') ? 1 : 0;
  return byName !== 0 ? byName : a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;
}

/**
 * The expected outcome of a round. The only valid claim in a simulated group is the previous active's, when
 * it is still present under the same member id with readable user data; a member remembers the previous
 * round's active when it took part in that round under its current member id.
 */
export function expectedRound(members: readonly ReferenceMember[], topics: ClusterMetadata, previous: PreviousRound): ExpectedRound {
  const candidates = members.filter((member) => member.eligible).sort(electionOrder);
  const first = candidates[0];
  if (first === undefined) return { activeMemberId: null, reason: 'no-eligible-member', holders: new Map() };

  const incumbent = members.find((member) => member.memberId === previous.activeMemberId && member.readable);
  let active = first;
  let reason: DecisionReason;
  if (incumbent?.eligible === true) {
    const challenger = candidates.find((member) => member.readable && member.preempt && member.priority > incumbent.priority);
    active = challenger ?? incumbent;
    reason = challenger === undefined ? 'kept' : 'preempted';
  } else {
    const someoneKnew =
      previous.activeMemberId !== null && members.some((member) => member.readable && previous.memberIds.has(member.memberId));
    reason = incumbent !== undefined || someoneKnew ? 'failover' : 'elected';
  }

  const holders = new Map<string, string>();
  for (const topic of active.topics) if (topics.has(topic)) holders.set(topic, active.memberId);
  const leftTopics = [...new Set(candidates.flatMap((member) => member.topics))].filter((topic) => topics.has(topic) && !holders.has(topic));
  for (const topic of leftTopics) {
    const subscribers = candidates.filter((member) => member.topics.includes(topic));
    const previousHolder = subscribers.find((member) => member.readable && previous.holders.get(topic) === member.memberId);
    const holder = previousHolder ?? subscribers[0];
    if (holder !== undefined) holders.set(topic, holder.memberId);
  }
  return { activeMemberId: active.memberId, reason, holders };
}
