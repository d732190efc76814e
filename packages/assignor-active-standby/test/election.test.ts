import { describe, expect, it } from 'vitest';
import { activeStandbyAssignor } from '@kafka-assignors/assignor-active-standby';
import type { Group } from '@kafka-assignors/core';
import { designatedActive, groupOf, outcome, type MemberSpec } from './support/group-builder.js';
import { recordingLogger, silentLogger } from './support/recording-logger.js';

function assign(group: Group) {
  return activeStandbyAssignor({ logger: silentLogger }).assign(group);
}

function activeOf(members: readonly MemberSpec[], topics: Readonly<Record<string, number>> = { orders: 3 }): string | null {
  return designatedActive(assign(groupOf(topics, members)));
}

describe('the election', () => {
  it('gives every partition to the active and an empty assignment with a role record to everyone else', () => {
    const result = outcome(assign(groupOf({ orders: 3, payments: 2 }, [
      { memberId: 'a', topics: ['orders', 'payments'], priority: 5, name: 'pod-a' },
      { memberId: 'b', topics: ['orders', 'payments'] },
      { memberId: 'c', topics: ['orders', 'payments'] },
    ])));
    expect(result.a).toEqual({
      topics: ['orders', 'payments'],
      partitions: 5,
      record: { version: 1, designation: 'active', reason: 'elected', activeMemberId: 'a', activeName: 'pod-a', partitionsDesignate: false },
    });
    for (const standby of [result.b, result.c]) {
      expect(standby).toEqual({
        topics: [],
        partitions: 0,
        record: { version: 1, designation: 'standby', reason: 'elected', activeMemberId: 'a', activeName: 'pod-a', partitionsDesignate: false },
      });
    }
  });

  it('without claims, orders by priority, then name (named first), then member id', () => {
    expect(activeOf([{ memberId: 'a' }, { memberId: 'b', priority: 1 }, { memberId: 'c', priority: -1 }])).toBe('b');
    expect(activeOf([{ memberId: 'a', name: 'zeta' }, { memberId: 'b', name: 'alpha' }])).toBe('b');
    expect(activeOf([{ memberId: 'a' }, { memberId: 'b', name: 'named' }])).toBe('b');
    expect(activeOf([{ memberId: 'b' }, { memberId: 'a' }])).toBe('a');
  });

  it('uses the group instance id as the name of a member that configures none', () => {
    expect(activeOf([{ memberId: 'a', name: 'pod-2' }, { memberId: 'b', groupInstanceId: 'pod-1' }])).toBe('b');
    const records = outcome(assign(groupOf({ orders: 1 }, [{ memberId: 'b', groupInstanceId: 'pod-1' }])));
    expect(records.b?.record.activeName).toBe('pod-1');
  });

  it('keeps the active while it stays and is eligible, even when a member of higher priority joins', () => {
    const result = outcome(assign(groupOf({ orders: 3 }, [
      { memberId: 'incumbent', claim: { generationId: 4 } },
      { memberId: 'newcomer', priority: 100 },
    ])));
    expect(result.incumbent?.record).toMatchObject({ designation: 'active', reason: 'kept' });
    expect(result.newcomer?.record).toMatchObject({ designation: 'standby', reason: 'kept', activeMemberId: 'incumbent' });
  });

  it('lets a member with preempt and a strictly higher priority take over, the best such member first', () => {
    const incumbent: MemberSpec = { memberId: 'incumbent', priority: 1, claim: { generationId: 4 } };
    expect(activeOf([incumbent, { memberId: 'equal', priority: 1, preempt: true, name: 'a' }])).toBe('incumbent');
    expect(activeOf([incumbent, { memberId: 'lower', priority: 0, preempt: true }])).toBe('incumbent');
    expect(activeOf([incumbent, { memberId: 'draining', priority: 9, preempt: true, eligible: false }])).toBe('incumbent');
    expect(activeOf([incumbent, { memberId: 'polite', priority: 9 }, { memberId: 'eager', priority: 2, preempt: true }])).toBe('eager');
    const result = outcome(assign(groupOf({ orders: 1 }, [incumbent, { memberId: 'x', priority: 3, preempt: true }, { memberId: 'y', priority: 5, preempt: true }])));
    expect(result.y?.record).toMatchObject({ designation: 'active', reason: 'preempted' });
    expect(result.incumbent?.record).toMatchObject({ designation: 'standby', reason: 'preempted', activeMemberId: 'y' });
  });

  it("ignores a claim made under another member id: a zombie's stale claim never wins", () => {
    const zombie: MemberSpec = { memberId: 'zombie-new-id', claim: { generationId: 9, memberId: 'zombie-old-id' }, name: 'z' };
    expect(activeOf([zombie, { memberId: 'b', name: 'a-first' }])).toBe('b');
    const result = outcome(assign(groupOf({ orders: 1 }, [zombie, { memberId: 'b', name: 'a-first' }])));
    // A zombie's memory of an active is stale too: nobody present knew an active.
    expect(result.b?.record.reason).toBe('elected');
  });

  it('between two valid claims, keeps the later generation, and the election order on a tie', () => {
    expect(activeOf([{ memberId: 'old', claim: { generationId: 3 }, priority: 9 }, { memberId: 'new', claim: { generationId: 5 } }])).toBe('new');
    expect(activeOf([{ memberId: 'b', claim: { generationId: 5 } }, { memberId: 'a', claim: { generationId: 5 } }])).toBe('a');
  });

  it('fails over to the next in election order when the active is ineligible or gone', () => {
    const draining = outcome(assign(groupOf({ orders: 2 }, [
      { memberId: 'incumbent', claim: { generationId: 4 }, eligible: false, priority: 9 },
      { memberId: 'second', priority: 5 },
      { memberId: 'third', priority: 1 },
    ])));
    expect(draining.second?.record).toMatchObject({ designation: 'active', reason: 'failover' });
    expect(draining.incumbent).toMatchObject({ partitions: 0, record: { designation: 'standby', reason: 'failover' } });

    const gone = outcome(assign(groupOf({ orders: 2 }, [
      { memberId: 'second', priority: 5, lastRebalance: { generationId: 4 }, knewActive: true },
      { memberId: 'third', priority: 1 },
    ])));
    expect(gone.second?.record).toMatchObject({ designation: 'active', reason: 'failover' });
  });

  it('says elected when no present member knew an active', () => {
    const result = outcome(assign(groupOf({ orders: 2 }, [{ memberId: 'a', lastRebalance: { generationId: 2 } }, { memberId: 'b' }])));
    expect(result.a?.record).toMatchObject({ designation: 'active', reason: 'elected' });
  });

  it('assigns nothing when no member is eligible, says why, and logs it', () => {
    const logger = recordingLogger();
    const group = groupOf({ orders: 2 }, [
      { memberId: 'a', eligible: false, claim: { generationId: 3 } },
      { memberId: 'b', eligible: false },
    ]);
    const result = outcome(activeStandbyAssignor({ logger }).assign(group));
    for (const member of [result.a, result.b]) {
      expect(member).toEqual({
        topics: [],
        partitions: 0,
        record: { version: 1, designation: 'standby', reason: 'no-eligible-member', activeMemberId: null, activeName: null, partitionsDesignate: false },
      });
    }
    expect(logger.entries).toContainEqual({ level: 'warn', message: 'No member of the group is eligible to be active; nothing is assigned', extra: { members: 2 } });
  });

  it('leaves out topics that do not exist', () => {
    const result = outcome(assign(groupOf({ orders: 2 }, [{ memberId: 'a', topics: ['orders', 'not-yet'] }])));
    expect(result.a?.topics).toEqual(['orders']);
  });

  it('logs one line per decision on the leader', () => {
    const logger = recordingLogger();
    activeStandbyAssignor({ logger }).assign(groupOf({ orders: 1 }, [{ memberId: 'a', name: 'pod-a' }, { memberId: 'b' }]));
    expect(logger.entries).toEqual([
      {
        level: 'info',
        message: 'Active member: a (elected)',
        extra: { activeMemberId: 'a', activeName: 'pod-a', reason: 'elected', members: 2, eligibleMembers: 2, coveringMembers: [] },
      },
    ]);
  });
});

describe('members with different subscriptions', () => {
  it('gives each topic the active does not subscribe to whole to the best eligible member that does', () => {
    const result = outcome(assign(groupOf({ orders: 2, payments: 3, audit: 1, clicks: 1 }, [
      { memberId: 'active', topics: ['orders'], priority: 9 },
      { memberId: 'high', topics: ['orders', 'payments'], priority: 5 },
      { memberId: 'low', topics: ['payments', 'audit'], priority: 1 },
      { memberId: 'draining', topics: ['clicks'], eligible: false },
    ])));
    expect(result.active).toMatchObject({ topics: ['orders'], partitions: 2, record: { designation: 'active' } });
    expect(result.high).toMatchObject({ topics: ['payments'], partitions: 3, record: { designation: 'covering', activeMemberId: 'active' } });
    expect(result.low).toMatchObject({ topics: ['audit'], partitions: 1, record: { designation: 'covering' } });
    expect(result.draining).toMatchObject({ topics: [], record: { designation: 'standby' } });
  });

  it('leaves a covered topic with the member that held it, while it stays eligible and subscribed', () => {
    const result = outcome(assign(groupOf({ orders: 1, payments: 1 }, [
      { memberId: 'active', topics: ['orders'], claim: { generationId: 6 }, priority: 9 },
      { memberId: 'high', topics: ['payments'], priority: 5 },
      { memberId: 'holder', topics: ['payments'], lastRebalance: { generationId: 6 }, heldTopics: ['payments'] },
      { memberId: 'zombie', topics: ['payments'], lastRebalance: { generationId: 7, memberId: 'old' }, heldTopics: ['payments'], priority: 8 },
    ])));
    expect(result.holder?.topics).toEqual(['payments']);
  });

  it('gives the active every topic it subscribes to, including those another member covered', () => {
    const result = outcome(assign(groupOf({ orders: 1, payments: 1 }, [
      { memberId: 'active', topics: ['orders', 'payments'], claim: { generationId: 6 }, heldTopics: ['orders'] },
      { memberId: 'holder', topics: ['payments'], lastRebalance: { generationId: 6 }, heldTopics: ['payments'] },
    ])));
    expect(result.active?.topics).toEqual(['orders', 'payments']);
    expect(result.holder?.record.designation).toBe('standby');
  });
});

describe('members whose user data cannot be read', () => {
  it('rank below every other member, claim nothing, are logged, and never break the group', () => {
    const logger = recordingLogger();
    const group = groupOf({ orders: 2 }, [
      { memberId: 'garbage', userData: Uint8Array.of(0, 1) },
      { memberId: 'silent', userData: null },
      { memberId: 'plain', priority: -5 },
    ]);
    expect(designatedActive(activeStandbyAssignor({ logger }).assign(group))).toBe('plain');
    const warnings = logger.entries.filter(({ level }) => level === 'warn');
    expect(warnings.map(({ extra }) => extra)).toEqual([
      { memberId: 'garbage', reason: 'flags at byte 2 needs 1 byte for an int8, only 0 left' },
      { memberId: 'silent', reason: 'it sent no user data' },
    ]);
    expect(warnings[0]?.message).toBe('Member garbage sent active-standby user data that cannot be read; it ranks last and claims nothing');
  });

  it('can still be elected when nobody else is eligible, by member id', () => {
    expect(activeOf([{ memberId: 'b', userData: null }, { memberId: 'a', userData: Uint8Array.of(9) }, { memberId: 'c', eligible: false }])).toBe('a');
  });
});
