import { Registry, register } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { activeStandbyAssignor, encodeRoleRecord, type ActiveStandbyAssignor } from '@kafka-assignors/assignor-active-standby';
import { activeStandbyMetrics, type ActiveStandbyMetricsOptions } from '@kafka-assignors/assignor-active-standby/metrics';
import { InvalidArgumentError } from '@kafka-assignors/core';
import { instrumentAssignor } from '@kafka-assignors/core/metrics';
import { GroupSimulator } from '@kafka-assignors/core/simulator';
import { ManualClock } from '@kafka-assignors/core/testing';
import { silentLogger } from './support/recording-logger.js';

/** Pods of one group in the simulator, each assignor instrumented and reporting its role to one registry. */
function simulatedPods(registry: Registry, named: boolean) {
  const assignors = new Map<string, ActiveStandbyAssignor>();
  const simulator = new GroupSimulator({
    createAssignor: (pod) => {
      const assignor = activeStandbyAssignor({ logger: silentLogger, ...(named ? { name: pod } : {}) });
      activeStandbyMetrics(assignor, { registry, group: 'orders' });
      const instrumented = instrumentAssignor(assignor, { registry, group: 'orders', ...(named ? { member: pod } : {}) });
      assignors.set(pod, instrumented);
      return instrumented;
    },
    topics: [['orders', { partitionCount: 4 }]],
  });
  return { simulator, assignors };
}

/** The lines of the text format for one metric, without its comments. */
async function seriesLines(registry: Registry, name: string): Promise<string[]> {
  return (await registry.metrics()).split('\n').filter((line) => line.startsWith(`${name}{`));
}

describe('activeStandbyMetrics', () => {
  it('reports 1 for the active and 0 for the standby, by name, and each role change by role and reason', async () => {
    const registry = new Registry();
    const { simulator, assignors } = simulatedPods(registry, true);
    simulator.join('pod-a', { topics: ['orders'] });
    simulator.settle();
    simulator.join('pod-b', { topics: ['orders'] });
    simulator.settle();
    expect(await seriesLines(registry, 'kafka_assignors_active_standby_role')).toEqual([
      'kafka_assignors_active_standby_role{group="orders",member="pod-a"} 1',
      'kafka_assignors_active_standby_role{group="orders",member="pod-b"} 0',
    ]);
    expect(await seriesLines(registry, 'kafka_assignors_assigned_partitions')).toEqual([
      'kafka_assignors_assigned_partitions{group="orders",member="pod-a"} 4',
      'kafka_assignors_assigned_partitions{group="orders",member="pod-b"} 0',
    ]);

    // The simulator does not call onLeave, as KafkaJS' LeaveGroup does through the adapter.
    assignors.get('pod-a')?.onLeave();
    simulator.leave('pod-a');
    simulator.settle();
    expect(await seriesLines(registry, 'kafka_assignors_active_standby_role')).toEqual([
      'kafka_assignors_active_standby_role{group="orders",member="pod-a"} 0',
      'kafka_assignors_active_standby_role{group="orders",member="pod-b"} 1',
    ]);
    expect(await seriesLines(registry, 'kafka_assignors_assigned_partitions')).toEqual([
      'kafka_assignors_assigned_partitions{group="orders",member="pod-a"} 0',
      'kafka_assignors_assigned_partitions{group="orders",member="pod-b"} 4',
    ]);
    expect(await seriesLines(registry, 'kafka_assignors_active_standby_role_changes_total')).toEqual([
      'kafka_assignors_active_standby_role_changes_total{group="orders",role="active",reason="elected"} 1',
      'kafka_assignors_active_standby_role_changes_total{group="orders",role="standby",reason="left"} 1',
      'kafka_assignors_active_standby_role_changes_total{group="orders",role="active",reason="failover"} 1',
    ]);
  });

  it('labels a member without a name by its member id, from its first rebalance', async () => {
    const registry = new Registry();
    const { simulator, assignors } = simulatedPods(registry, false);
    simulator.join('pod-a', { topics: ['orders'] });
    expect(await seriesLines(registry, 'kafka_assignors_active_standby_role')).toEqual([]);
    simulator.settle();
    const memberId = assignors.get('pod-a')?.roleState().memberId;
    expect(await seriesLines(registry, 'kafka_assignors_active_standby_role')).toEqual([`kafka_assignors_active_standby_role{group="orders",member="${memberId}"} 1`]);
  });

  it('reads the role at each scrape, so a lease that ended shows as 0 at once', async () => {
    const clock = new ManualClock();
    const assignor = activeStandbyAssignor({ name: 'pod-a', clock, logger: silentLogger });
    const registry = activeStandbyMetrics(assignor, { group: 'orders' });
    assignor.onAssignment(
      { partitions: [{ topic: 'orders', partitions: [0] }], userData: encodeRoleRecord({ designation: 'active', reason: 'elected', activeMemberId: 'm-1', activeName: 'pod-a' }) },
      { memberId: 'm-1', generationId: 1, sessionTimeoutMs: 10_000, requestSentAt: 0 },
    );
    expect(await seriesLines(registry, 'kafka_assignors_active_standby_role')).toEqual(['kafka_assignors_active_standby_role{group="orders",member="pod-a"} 1']);
    clock.advance(10_000);
    expect(await seriesLines(registry, 'kafka_assignors_active_standby_role')).toEqual(['kafka_assignors_active_standby_role{group="orders",member="pod-a"} 0']);
  });

  it('uses a registry of its own unless it is given one, never prom-client’s global one', () => {
    const registry = activeStandbyMetrics(activeStandbyAssignor({ logger: silentLogger }), { group: 'orders' });
    expect(registry).toBeInstanceOf(Registry);
    expect(registry).not.toBe(register);
    expect(register.getSingleMetric('kafka_assignors_active_standby_role')).toBeUndefined();
    const given = new Registry();
    expect(activeStandbyMetrics(activeStandbyAssignor({ logger: silentLogger }), { group: 'orders', registry: given })).toBe(given);
  });

  it.each([
    [{ group: 'orders', member: 'pod-a' }, 'options.member', 'is not an option'],
    [{ group: '' }, 'options.group', 'must be a non-empty string'],
    [{}, 'options.group', 'must be a non-empty string'],
    [{ group: 'orders', registry: {} }, 'options.registry', 'must be a prom-client Registry'],
  ])('refuses %j, naming %s', (options, argument, problem) => {
    const call = () => activeStandbyMetrics(activeStandbyAssignor({ logger: silentLogger }), options as unknown as ActiveStandbyMetricsOptions);
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(problem);
    expect(call).toThrow(expect.objectContaining({ functionName: 'activeStandbyMetrics', argument }));
  });

  it('refuses what is not an active-standby assignor', () => {
    expect(() => activeStandbyMetrics({} as never, { group: 'orders' })).toThrow(expect.objectContaining({ functionName: 'activeStandbyMetrics', argument: 'assignor' }));
  });
});
