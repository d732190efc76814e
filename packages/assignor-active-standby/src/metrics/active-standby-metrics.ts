import { InvalidArgumentError } from '@kafka-assignors/core';
import { checkOptionKeys } from '@kafka-assignors/core/internal';
import { registeredCounter, registeredGauge } from '@kafka-assignors/core/metrics';
import { Registry } from 'prom-client';
import type { ActiveStandbyAssignor } from '../active-standby-assignor.js';

const FUNCTION_NAME = 'activeStandbyMetrics';
const OPTIONS = ['registry', 'group'];

/** An option given as `undefined` takes its default. */
export interface ActiveStandbyMetricsOptions {
  /** Where the metrics go. Default: a new prom-client `Registry` (not prom-client's global `register`, unless given). */
  readonly registry?: Registry | undefined;
  /** The consumer's group id, the `group` label. */
  readonly group: string;
}

/** What the role gauge reads at each scrape: one member's role and labels. */
interface RoleSource {
  readonly group: string;
  readonly assignor: ActiveStandbyAssignor;
}

/** The members whose role each registry's gauge reports: one gauge per registry, shared by every member of the process. */
const roleSources = new WeakMap<Registry, Set<RoleSource>>();

/**
 * Reports the member's role to a Prometheus registry, and returns the registry:
 * - `kafka_assignors_active_standby_role{group, member}`: 1 while the member is active (`isActive()`, read
 *   at each scrape, so an ended lease shows at once), else 0; `member` is its `name` option, else its member
 *   id (no series before its first rebalance without a name);
 * - `kafka_assignors_active_standby_role_changes_total{group, role, reason}`: its role changes, by the role it
 *   changed to and why.
 */
export function activeStandbyMetrics(assignor: ActiveStandbyAssignor, options: ActiveStandbyMetricsOptions): Registry {
  if (typeof assignor !== 'object' || assignor === null || typeof assignor.isActive !== 'function' || typeof assignor.on !== 'function') {
    throw new InvalidArgumentError(FUNCTION_NAME, 'assignor', 'must be an active-standby assignor (activeStandbyAssignor(...))');
  }
  const { registry = new Registry(), group } = checkedOptions(options);
  sourcesOf(registry).add({ group, assignor });
  const roleChanges = registeredCounter(registry, {
    name: 'kafka_assignors_active_standby_role_changes_total',
    help: 'Role changes of this member, by the role it changed to and why',
    labelNames: ['group', 'role', 'reason'],
  });
  assignor.on('roleChange', ({ role, reason }) => {
    roleChanges.inc({ group, role, reason });
  });
  return registry;
}

function sourcesOf(registry: Registry): Set<RoleSource> {
  let sources = roleSources.get(registry);
  if (sources === undefined) {
    const members = new Set<RoleSource>();
    registeredGauge(registry, {
      name: 'kafka_assignors_active_standby_role',
      help: '1 while this member is active, else 0',
      labelNames: ['group', 'member'],
      collect() {
        this.reset();
        for (const { group, assignor } of members) {
          const member = assignor.memberName ?? assignor.roleState().memberId;
          if (member !== null) this.set({ group, member }, assignor.isActive() ? 1 : 0);
        }
      },
    });
    roleSources.set(registry, members);
    sources = members;
  }
  return sources;
}

function checkedOptions(options: ActiveStandbyMetricsOptions): { registry: Registry | undefined; group: string } {
  checkOptionKeys(FUNCTION_NAME, options, OPTIONS);
  const { registry, group } = options;
  if (registry !== undefined && (typeof registry !== 'object' || registry === null || typeof (registry as Partial<Registry>).metrics !== 'function')) {
    throw new InvalidArgumentError(FUNCTION_NAME, 'options.registry', 'must be a prom-client Registry');
  }
  if (typeof group !== 'string' || group === '') throw new InvalidArgumentError(FUNCTION_NAME, 'options.group', 'must be a non-empty string');
  return { registry, group };
}
