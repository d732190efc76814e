import type { ScenarioSize, ScenarioVariant } from './scenario-spec.js';
import type { TimingPlan } from './timing-plan.js';

/** A set of scenarios measured in one run, with how they are timed. */
export interface Grid {
  readonly name: string;
  /** What runs it, as the results say. */
  readonly command: string;
  readonly description: string;
  /** Every scenario's seed derives from this and the scenario's id. */
  readonly seed: number;
  readonly scenarios: readonly (ScenarioSize & ScenarioVariant)[];
  readonly plan: TimingPlan;
  /**
   * The longest one assignor may take on one scenario, warm-up and timed runs together; past it, it is stopped and
   * reported as slower than that (the Java client's sticky assignors take many minutes on the largest unequal groups).
   */
  readonly deadlineMs: number;
  /** The variant whose times are charted against partition count. */
  readonly chartVariant: ScenarioVariant;
  /** Where the peak memory of our assignors is measured (the largest size); null to skip it. */
  readonly peakMemory: (ScenarioSize & ScenarioVariant) | null;
}

const SEED = 20_261_122;

const TINY: ScenarioSize = { members: 4, topics: 4, partitionsPerTopic: 3 };
const SMALL_SMOKE: ScenarioSize = { members: 12, topics: 6, partitionsPerTopic: 8 };
/** 100 partitions. */
const XS: ScenarioSize = { members: 10, topics: 10, partitionsPerTopic: 10 };
/** 5,000 partitions. */
const S: ScenarioSize = { members: 100, topics: 50, partitionsPerTopic: 100 };
/** 40,000 partitions: franz-go's "small" sticky benchmark. */
const M: ScenarioSize = { members: 800, topics: 50, partitionsPerTopic: 800 };
/** 50,000 partitions: issue 5's second sticky size. */
const M50: ScenarioSize = { members: 1000, topics: 50, partitionsPerTopic: 1000 };
/** 200,000 partitions. */
const L: ScenarioSize = { members: 1000, topics: 200, partitionsPerTopic: 1000 };
/** 1,000,000 partitions: the Java client's and franz-go's large sticky test, and issue 4's target. */
const XL: ScenarioSize = { members: 2000, topics: 500, partitionsPerTopic: 2000 };

const EQUAL_FRESH: ScenarioVariant = { subscriptions: 'equal', history: 'fresh', racks: false };
const EQUAL_JOINS: ScenarioVariant = { subscriptions: 'equal', history: 'member-joins', racks: false };
const EQUAL_LEAVES: ScenarioVariant = { subscriptions: 'equal', history: 'member-leaves', racks: false };
const UNEQUAL_FRESH: ScenarioVariant = { subscriptions: 'unequal', history: 'fresh', racks: false };
const UNEQUAL_JOINS: ScenarioVariant = { subscriptions: 'unequal', history: 'member-joins', racks: false };
const EQUAL_JOINS_RACKS: ScenarioVariant = { subscriptions: 'equal', history: 'member-joins', racks: true };

/** Every combination of subscriptions, history and racks. */
const ALL_VARIANTS: readonly ScenarioVariant[] = (['equal', 'unequal'] as const).flatMap((subscriptions) =>
  (['fresh', 'member-leaves', 'member-joins'] as const).flatMap((history) => [false, true].map((racks) => ({ subscriptions, history, racks }))),
);
const MAIN_VARIANTS: readonly ScenarioVariant[] = [EQUAL_FRESH, EQUAL_JOINS, EQUAL_LEAVES, UNEQUAL_FRESH, UNEQUAL_JOINS, EQUAL_JOINS_RACKS];

function cross(sizes: readonly ScenarioSize[], variants: readonly ScenarioVariant[]): (ScenarioSize & ScenarioVariant)[] {
  return sizes.flatMap((size) => variants.map((variant) => ({ ...size, ...variant })));
}

export const GRIDS: Readonly<Record<'smoke' | 'quick' | 'full', Grid>> = {
  smoke: {
    name: 'smoke',
    command: 'the smoke test, bench/test/smoke/smoke.test.ts',
    description: 'two tiny sizes, three variants: proves the harness end to end in the test suite',
    seed: SEED,
    scenarios: [...cross([TINY], [EQUAL_FRESH]), ...cross([SMALL_SMOKE], [EQUAL_FRESH, UNEQUAL_JOINS, EQUAL_JOINS_RACKS])],
    plan: { warmupMs: 10, minRuns: 2, targetMs: 10, maxRuns: 20, maxMs: 1000 },
    deadlineMs: 60_000,
    chartVariant: EQUAL_FRESH,
    peakMemory: { ...SMALL_SMOKE, ...EQUAL_JOINS },
  },
  quick: {
    name: 'quick',
    command: '`npm run bench`',
    description: 'four sizes up to 50,000 partitions, six variants: about ten minutes',
    seed: SEED,
    scenarios: cross([XS, S, M, M50], MAIN_VARIANTS),
    plan: { warmupMs: 300, minRuns: 5, targetMs: 500, maxRuns: 1000, maxMs: 5_000 },
    deadlineMs: 15_000,
    chartVariant: EQUAL_FRESH,
    peakMemory: { ...M, ...EQUAL_JOINS },
  },
  full: {
    name: 'full',
    command: '`npm run bench:full`',
    description: 'six sizes up to 2,000 members × 500 topics × 2,000 partitions (1,000,000 partitions); all twelve variants up to 5,000 partitions, six above',
    seed: SEED,
    scenarios: [...cross([XS, S], ALL_VARIANTS), ...cross([M, M50, L, XL], MAIN_VARIANTS)],
    plan: { warmupMs: 1_000, minRuns: 3, targetMs: 2_000, maxRuns: 1000, maxMs: 15_000 },
    deadlineMs: 60_000,
    chartVariant: EQUAL_FRESH,
    peakMemory: { ...XL, ...EQUAL_JOINS },
  },
};

export type GridName = keyof typeof GRIDS;
