import { Registry, register } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, type Assignor } from '@kafka-assignors/core';
import { instrumentAssignor, type InstrumentAssignorOptions } from '@kafka-assignors/core/metrics';
import { GroupSimulator } from '@kafka-assignors/core/simulator';
import { ManualClock } from '@kafka-assignors/core/testing';
import { perTopicRoundRobinAssignor } from '../support/per-topic-round-robin-assignor.js';

/** The value of one series of the registry (`name` with `_sum`, `_count` for a histogram's), or undefined when it has none with exactly these labels. */
async function seriesValue(registry: Registry, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const wanted = JSON.stringify(Object.entries(labels).sort());
  const series = (await registry.getMetricsAsJSON())
    .flatMap((metric) => metric.values.map((value) => ({ ...value, metricName: (value as { metricName?: string }).metricName ?? metric.name })))
    .find((value) => value.metricName === name && JSON.stringify(Object.entries(value.labels).sort()) === wanted);
  return series?.value;
}

function simulatedGroup(registry: Registry) {
  const simulator = new GroupSimulator({
    createAssignor: (name) => instrumentAssignor(perTopicRoundRobinAssignor(), { registry, group: 'orders', member: name }),
    topics: [['orders', { partitionCount: 6 }]],
  });
  return simulator;
}

describe('instrumentAssignor', () => {
  it('counts the rebalances of each member, times the leader assign and reports the partitions each member holds', async () => {
    const registry = new Registry();
    const simulator = simulatedGroup(registry);
    simulator.join('pod-a', { topics: ['orders'] });
    simulator.rebalance();
    simulator.join('pod-b', { topics: ['orders'] });
    simulator.rebalance();

    expect(await seriesValue(registry, 'kafka_assignors_assigned_partitions', { group: 'orders', member: 'pod-a' })).toBe(3);
    expect(await seriesValue(registry, 'kafka_assignors_assigned_partitions', { group: 'orders', member: 'pod-b' })).toBe(3);
    // Both members share the series of the group and assignor: pod-a completed 2 rebalances, pod-b 1.
    expect(await seriesValue(registry, 'kafka_assignors_rebalances_total', { group: 'orders', assignor: 'per-topic-round-robin' })).toBe(3);
    // One leader per round.
    expect(await seriesValue(registry, 'kafka_assignors_assign_duration_seconds_count', { assignor: 'per-topic-round-robin' })).toBe(2);
    const text = await registry.metrics();
    expect(text).toContain('# TYPE kafka_assignors_assign_duration_seconds histogram');
    expect(text).toContain('kafka_assignors_assign_duration_seconds_bucket{le="+Inf",assignor="per-topic-round-robin"} 2');
  });

  it('times a rebalance from the JoinGroup send time the adapter reports to the assignment, on the clock it is given', async () => {
    const registry = new Registry();
    const clock = new ManualClock();
    const assignor = instrumentAssignor(perTopicRoundRobinAssignor(), { registry, group: 'orders', clock });
    clock.advance(1_000);
    const requestSentAt = clock.now();
    clock.advance(250);
    assignor.onAssignment?.({ partitions: [{ topic: 'orders', partitions: [0, 1] }], userData: null }, { memberId: 'm-1', generationId: 1, sessionTimeoutMs: 10_000, requestSentAt });

    const labels = { group: 'orders', assignor: 'per-topic-round-robin' };
    expect(await seriesValue(registry, 'kafka_assignors_rebalance_duration_seconds_sum', labels)).toBe(0.25);
    expect(await seriesValue(registry, 'kafka_assignors_rebalance_duration_seconds_count', labels)).toBe(1);
    // Without a member option the member is labelled by its member id.
    expect(await seriesValue(registry, 'kafka_assignors_assigned_partitions', { group: 'orders', member: 'm-1' })).toBe(2);
  });

  it('moves the partitions series to the new member id when the member rejoins under one, and reports 0 after it leaves', async () => {
    const registry = new Registry();
    const assignor = instrumentAssignor(perTopicRoundRobinAssignor(), { registry, group: 'orders' });
    const holding = { partitions: [{ topic: 'orders', partitions: [0] }], userData: null };
    assignor.onAssignment?.(holding, { memberId: 'm-1', generationId: 1 });
    assignor.onAssignment?.(holding, { memberId: 'm-2', generationId: 2 });
    expect(await seriesValue(registry, 'kafka_assignors_assigned_partitions', { group: 'orders', member: 'm-1' })).toBeUndefined();
    expect(await seriesValue(registry, 'kafka_assignors_assigned_partitions', { group: 'orders', member: 'm-2' })).toBe(1);
    assignor.onLeave?.();
    expect(await seriesValue(registry, 'kafka_assignors_assigned_partitions', { group: 'orders', member: 'm-2' })).toBe(0);
  });

  it("keeps the assignor's own members and hooks, and its assign's result and errors", () => {
    const calls: string[] = [];
    const original: Assignor & { roleOf(memberId: string): string } = {
      ...perTopicRoundRobinAssignor(),
      roleOf: (memberId: string) => `role of ${memberId}`,
      onAssignment: () => {
        calls.push('onAssignment');
      },
      onLeave: () => {
        calls.push('onLeave');
      },
    };
    const assignor = instrumentAssignor(original, { registry: new Registry(), group: 'orders' });
    expect(assignor.roleOf('m-1')).toBe('role of m-1');
    expect(assignor.name).toBe('per-topic-round-robin');
    assignor.onAssignment?.({ partitions: [], userData: null }, { memberId: 'm-1', generationId: 1 });
    assignor.onLeave?.();
    expect(calls).toEqual(['onAssignment', 'onLeave']);

    const failing: Assignor = { name: 'failing', rebalanceProtocols: ['eager'], assign: () => { throw new RangeError('no'); } };
    expect(() => instrumentAssignor(failing, { registry: new Registry(), group: 'orders' }).assign({ members: [], topics: new Map() })).toThrow(RangeError);
  });

  it('leaves prom-client’s global registry alone unless it is the one given', async () => {
    instrumentAssignor(perTopicRoundRobinAssignor(), { registry: new Registry(), group: 'orders' });
    expect(register.getSingleMetric('kafka_assignors_rebalances_total')).toBeUndefined();
    const registry = new Registry();
    instrumentAssignor(perTopicRoundRobinAssignor(), { registry, group: 'orders' });
    instrumentAssignor(perTopicRoundRobinAssignor(), { registry, group: 'payments' });
    expect((await registry.getMetricsAsJSON()).map(({ name }) => name).sort()).toEqual([
      'kafka_assignors_assign_duration_seconds',
      'kafka_assignors_assigned_partitions',
      'kafka_assignors_rebalance_duration_seconds',
      'kafka_assignors_rebalances_total',
    ]);
  });

  it.each([
    [{ registry: new Registry(), group: 'orders', interval: 1 }, 'options.interval', 'is not an option'],
    [{ registry: {}, group: 'orders' }, 'options.registry', 'must be a prom-client Registry'],
    [{ group: 'orders' }, 'options.registry', 'must be a prom-client Registry'],
    [{ registry: new Registry(), group: '' }, 'options.group', 'must be a non-empty string'],
    [{ registry: new Registry(), group: 'orders', member: 7 }, 'options.member', 'must be a non-empty string'],
    [{ registry: new Registry(), group: 'orders', clock: {} }, 'options.clock', 'must be a Clock'],
  ])('refuses %j, naming %s', (options, argument, problem) => {
    const call = () => instrumentAssignor(perTopicRoundRobinAssignor(), options as unknown as InstrumentAssignorOptions);
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(problem);
    expect(call).toThrow(expect.objectContaining({ functionName: 'instrumentAssignor', argument }));
  });

  it('refuses what is not an assignor', () => {
    expect(() => instrumentAssignor(null as unknown as Assignor, { registry: new Registry(), group: 'orders' })).toThrow(
      expect.objectContaining({ functionName: 'instrumentAssignor', argument: 'assignor' }),
    );
  });
});
