import type { Registry } from 'prom-client';
import type { Assignor, AssignmentMetadata } from '../assignor.js';
import { systemClock, type Clock } from '../clock.js';
import { describeValue } from '../describe-value.js';
import { InvalidArgumentError } from '../invalid-argument-error.js';
import type { MemberAssignment } from '../model.js';
import { checkOptionKeys } from '../option-checks.js';
import { registeredCounter, registeredGauge, registeredHistogram } from './registry-collector.js';

const FUNCTION_NAME = 'instrumentAssignor';
const OPTIONS = ['registry', 'group', 'member', 'clock'];

/** An option given as `undefined` takes its default. */
export interface InstrumentAssignorOptions {
  /** Where the metrics go: a `Registry` of prom-client (its global `register` included). */
  readonly registry: Registry;
  /** The consumer's group id, the `group` label. */
  readonly group: string;
  /** The `member` label of the partitions gauge. Default: the member id of the member's last rebalance. */
  readonly member?: string | undefined;
  /**
   * The clock that `kafkajsAssigner` notes JoinGroup send times on, which rebalance durations count from: give
   * both the same one. Default: the machine's monotonic clock, as `kafkajsAssigner` uses.
   */
  readonly clock?: Clock | undefined;
}

/**
 * The assignor, reporting to `registry` (Prometheus text through prom-client):
 * - `kafka_assignors_rebalances_total{group, assignor}`: rebalances this member completed with the assignor;
 * - `kafka_assignors_rebalance_duration_seconds{group, assignor}`: from the member's JoinGroup request to its
 *   SyncGroup answer, where the adapter reports the send time (`kafkajsAssigner` does);
 * - `kafka_assignors_assign_duration_seconds{assignor}`: the leader's `assign`;
 * - `kafka_assignors_assigned_partitions{group, member}`: the partitions this member holds.
 *
 * Everything else of the assignor (a role API, say) is the original's. The result keeps one member's
 * metrics, so, as any assignor with member hooks, it serves one consumer.
 */
export function instrumentAssignor<A extends Assignor>(assignor: A, options: InstrumentAssignorOptions): A {
  if (typeof assignor !== 'object' || assignor === null || typeof assignor.assign !== 'function') {
    throw new InvalidArgumentError(FUNCTION_NAME, 'assignor', `must be an Assignor (such as rangeAssignor()), not ${describeValue(assignor)}`);
  }
  const { registry, group, member, clock } = checkedOptions(options);
  const labels = { group, assignor: assignor.name };
  const rebalances = registeredCounter(registry, {
    name: 'kafka_assignors_rebalances_total',
    help: 'Rebalances this member completed',
    labelNames: ['group', 'assignor'],
  });
  const rebalanceDuration = registeredHistogram(registry, {
    name: 'kafka_assignors_rebalance_duration_seconds',
    help: "From the member's JoinGroup request to its SyncGroup answer",
    labelNames: ['group', 'assignor'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  });
  const assignDuration = registeredHistogram(registry, {
    name: 'kafka_assignors_assign_duration_seconds',
    help: "The group leader's assign",
    labelNames: ['assignor'],
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
  });
  const assignedPartitions = registeredGauge(registry, {
    name: 'kafka_assignors_assigned_partitions',
    help: 'Partitions this member holds',
    labelNames: ['group', 'member'],
  });
  rebalances.inc(labels, 0);
  let memberLabel: string | null = null;
  let memberId: string | null = null;
  const holding = (count: number) => {
    const label = member ?? memberId;
    if (memberLabel !== null && memberLabel !== label) assignedPartitions.remove({ group, member: memberLabel });
    memberLabel = label;
    if (label !== null) assignedPartitions.set({ group, member: label }, count);
  };
  holding(0);

  const instrumented = {
    assign: (...args: Parameters<Assignor['assign']>) => {
      const stopTimer = assignDuration.startTimer({ assignor: assignor.name });
      try {
        return assignor.assign(...args);
      } finally {
        stopTimer();
      }
    },
    onAssignment: (assignment: MemberAssignment, metadata: AssignmentMetadata) => {
      rebalances.inc(labels);
      if (metadata.requestSentAt !== undefined) rebalanceDuration.observe(labels, (clock.now() - metadata.requestSentAt) / 1000);
      memberId = metadata.memberId;
      holding(partitionCount(assignment));
      assignor.onAssignment?.(assignment, metadata);
    },
    onLeave: () => {
      holding(0);
      assignor.onLeave?.();
    },
  };
  return new Proxy(assignor, {
    get: (target, property, receiver) =>
      Object.hasOwn(instrumented, property) ? instrumented[property as keyof typeof instrumented] : (Reflect.get(target, property, receiver) as unknown),
  });
}

function checkedOptions(options: InstrumentAssignorOptions): { registry: Registry; group: string; member: string | undefined; clock: Clock } {
  checkOptionKeys(FUNCTION_NAME, options, OPTIONS);
  const { registry, group, member, clock = systemClock } = options;
  if (typeof registry !== 'object' || registry === null || typeof (registry as Partial<Registry>).metrics !== 'function') {
    throw new InvalidArgumentError(FUNCTION_NAME, 'options.registry', `must be a prom-client Registry, not ${describeValue(registry)}`);
  }
  if (typeof group !== 'string' || group === '') throw new InvalidArgumentError(FUNCTION_NAME, 'options.group', `must be a non-empty string, not ${describeValue(group)}`);
  if (member !== undefined && (typeof member !== 'string' || member === '')) {
    throw new InvalidArgumentError(FUNCTION_NAME, 'options.member', `must be a non-empty string, not ${describeValue(member)}`);
  }
  if (typeof clock !== 'object' || clock === null || typeof clock.now !== 'function') {
    throw new InvalidArgumentError(FUNCTION_NAME, 'options.clock', `must be a Clock, not ${describeValue(clock)}`);
  }
  return { registry, group, member, clock };
}

function partitionCount({ partitions }: MemberAssignment): number {
  return partitions.reduce((count, { partitions: topicPartitions }) => count + topicPartitions.length, 0);
}
