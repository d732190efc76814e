/** One of our assignors: its protocol name, its package, and the factory the package exports (called with no options). */
export interface OurAssignorEntry {
  readonly protocol: string;
  readonly packageName: string;
  readonly factory: string;
}

/**
 * Our assignors, benchmarked by protocol name. Adding one is one line here; an entry whose package has no
 * implementation yet (no entry module, or no such export) is skipped with that reason.
 */
export const ourAssignors: readonly OurAssignorEntry[] = [
  { protocol: 'range', packageName: '@kafka-assignors/assignor-range', factory: 'rangeAssignor' },
  { protocol: 'roundrobin', packageName: '@kafka-assignors/assignor-roundrobin', factory: 'roundRobinAssignor' },
  { protocol: 'sticky', packageName: '@kafka-assignors/assignor-sticky', factory: 'stickyAssignor' },
  { protocol: 'cooperative-sticky', packageName: '@kafka-assignors/assignor-sticky', factory: 'cooperativeStickyAssignor' },
];
