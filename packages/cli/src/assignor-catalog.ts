import { rangeAssignor } from '@kafka-assignors/assignor-range';
import { roundRobinAssignor } from '@kafka-assignors/assignor-roundrobin';
import { cooperativeStickyAssignor, stickyAssignor } from '@kafka-assignors/assignor-sticky';
import type { Assignor } from '@kafka-assignors/core';
import type { ScenarioMember } from '@kafka-assignors/core/scenario';
import { activeStandbyMember } from './active-standby-member.js';

/** An assignor the command line can run, created once per scenario member with that member's `state`. */
export interface CatalogEntry {
  readonly name: string;
  readonly summary: string;
  create(member: ScenarioMember): Assignor;
}

/** The assignors that exist so far, by protocol name. */
export const assignorCatalog: readonly CatalogEntry[] = [
  {
    name: 'active-standby',
    summary: 'every partition to one sticky active member; state: priority, name, eligible, preempt',
    create: activeStandbyMember,
  },
  {
    name: 'cooperative-sticky',
    summary: 'sticky under KIP-429: a partition changing owner waits a round while still reported',
    create: () => cooperativeStickyAssignor(),
  },
  {
    name: 'range',
    summary: "the Java client's RangeAssignor: each topic split in contiguous runs, KIP-881 rack-aware",
    create: () => rangeAssignor(),
  },
  {
    name: 'roundrobin',
    summary: "the Java client's RoundRobinAssignor: one circle over members, skipping non-subscribers",
    create: () => roundRobinAssignor(),
  },
  {
    name: 'sticky',
    summary: "the Java client's sticky protocol: most even balance, keeping most of what members owned, rack-aware",
    create: () => stickyAssignor(),
  },
];
