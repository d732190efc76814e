import type { Holdings } from './holdings.js';
import type { TopicClasses } from './topic-classes.js';

const UNREACHED = 0x7fffffff;
const NONE = -1;

/**
 * Evens out partition counts along steal paths until no member can gain a partition from one holding two more,
 * directly or through a chain: `m0` takes a partition of a class it subscribes to from `m1`, `m1` one from
 * `m2`, ..., `mk` gives one; only m0 and mk change count. When no such path is left the counts are the most even
 * the subscriptions allow (Frank and Murota's characterisation of decreasingly minimal elements of an
 * M-convex set, which the count vectors of the assignments form).
 *
 * With `mayGiveUpClaims` false only partitions that their holder did not claim move: stickiness is untouched.
 * With it true, a hop that must give up a claim costs 1, and each path is the cheapest one.
 *
 * Rounds: a search starts from all the least loaded members that may still grow, at once (a breadth-first
 * search with edge costs 0 and 1, over members, each topic class expanded once), and reaches the members that
 * hold two or more partitions more than them. Those at the highest count among them each give partitions along
 * their cheapest path. When a search reaches nobody, the members it started from can never grow (nothing
 * outside what they reach holds a partition they could take, and moves elsewhere do not change that), and the
 * next level up is searched. A round costs O(M + Π) for Π (member, class) pairs, plus the partitions it moves.
 *
 * Returns whether the counts are balanced, false when it stopped after `maxRounds` rounds.
 */
export function balanceAlongStealPaths(classes: TopicClasses, holdings: Holdings, mayGiveUpClaims: boolean, maxRounds = Infinity): boolean {
  const { count } = holdings;
  const memberCount = count.length;
  const saturated = new Uint8Array(memberCount);
  const search = new StealPathSearch(classes, holdings, mayGiveUpClaims);

  for (let round = 0; ; round++) {
    let level = UNREACHED;
    let highest = -1;
    for (let member = 0; member < memberCount; member++) {
      if (saturated[member] === 0 && count[member]! < level) level = count[member]!;
      if (count[member]! > highest) highest = count[member]!;
    }
    if (level === UNREACHED || highest <= level + 1) return true;
    if (round === maxRounds) return false;

    const sources: number[] = [];
    for (let member = 0; member < memberCount; member++) if (saturated[member] === 0 && count[member] === level) sources.push(member);
    const targets = search.run(sources, level + 2);
    if (targets.length === 0) {
      for (const member of sources) saturated[member] = 1;
      continue;
    }
    search.giveAlongPaths(targets);
  }
}

/** One search from a set of least loaded members, and the moves along the paths it found. */
class StealPathSearch {
  private readonly cost: Int32Array;
  /** The member a reached member gives to, and the pair (its own, for that class) it gives from. */
  private readonly takerOf: Int32Array;
  private readonly givingPair: Int32Array;
  /** Whether that hop gives up a claim. */
  private readonly hopCosts: Uint8Array;
  private readonly sourceOf: Int32Array;
  private readonly done: Uint8Array;
  private readonly classExpanded: Uint8Array;

  constructor(
    private readonly classes: TopicClasses,
    private readonly holdings: Holdings,
    private readonly mayGiveUpClaims: boolean,
  ) {
    const memberCount = holdings.count.length;
    this.cost = new Int32Array(memberCount);
    this.takerOf = new Int32Array(memberCount);
    this.givingPair = new Int32Array(memberCount);
    this.hopCosts = new Uint8Array(memberCount);
    this.sourceOf = new Int32Array(memberCount);
    this.done = new Uint8Array(memberCount);
    this.classExpanded = new Uint8Array(classes.classCount);
  }

  /** Members holding at least `targetCount` that the sources reach, cheapest first. */
  run(sources: readonly number[], targetCount: number): number[] {
    const { pairStart, pairClass, subscriberStart, subscriberMember, subscriberPair } = this.classes;
    const { count, held, foreign } = this.holdings;
    this.cost.fill(UNREACHED);
    this.done.fill(0);
    this.classExpanded.fill(0);
    for (const source of sources) {
      this.cost[source] = 0;
      this.takerOf[source] = NONE;
      this.sourceOf[source] = source;
    }

    const targets: number[] = [];
    let layer = [...sources];
    for (let layerCost = 0; layer.length > 0; layerCost++) {
      const nextLayer: number[] = [];
      // Hops that give up no claim extend the current layer while it is being walked.
      for (let position = 0; position < layer.length; position++) {
        const taker = layer[position]!;
        if (this.done[taker] === 1 || this.cost[taker] !== layerCost) continue;
        this.done[taker] = 1;
        if (count[taker]! >= targetCount) targets.push(taker);
        for (let pair = pairStart[taker]!; pair < pairStart[taker + 1]!; pair++) {
          const klass = pairClass[pair]!;
          if (this.classExpanded[klass] === 1) continue;
          this.classExpanded[klass] = 1;
          for (let entry = subscriberStart[klass]!; entry < subscriberStart[klass + 1]!; entry++) {
            const giverPair = subscriberPair[entry]!;
            if (held[giverPair] === 0) continue;
            const hopCost = foreign[giverPair]! > 0 ? 0 : 1;
            if (hopCost === 1 && !this.mayGiveUpClaims) continue;
            const giver = subscriberMember[entry]!;
            if (layerCost + hopCost >= this.cost[giver]!) continue;
            this.cost[giver] = layerCost + hopCost;
            this.takerOf[giver] = taker;
            this.givingPair[giver] = giverPair;
            this.hopCosts[giver] = hopCost;
            this.sourceOf[giver] = this.sourceOf[taker]!;
            (hopCost === 0 ? layer : nextLayer).push(giver);
          }
        }
      }
      layer = nextLayer;
    }
    return targets;
  }

  /**
   * Each target at the highest count among `targets` gives along its path to its source, as many partitions
   * as keep every single move an improvement (the target still at least two above the source) without taking
   * it below another target, and as the hops can carry. Paths found in the same search may share hops, so the
   * hops are checked again before each move.
   */
  giveAlongPaths(targets: readonly number[]): void {
    const { count } = this.holdings;
    let highest = 0;
    let secondHighest = 0;
    for (const target of targets) {
      const held = count[target]!;
      if (held > highest) {
        secondHighest = highest;
        highest = held;
      } else if (held > secondHighest) {
        secondHighest = held;
      }
    }
    for (const target of targets) {
      if (count[target] !== highest) continue;
      const source = this.sourceOf[target]!;
      const gap = count[target] - count[source]!;
      if (gap < 2) continue;
      let units = Math.min(Math.floor(gap / 2), Math.max(1, highest - Math.max(secondHighest, count[source]! + 1)));
      for (let giver = target; giver !== source; giver = this.takerOf[giver]!) units = Math.min(units, this.hopCapacity(giver));
      for (let unit = 0; unit < units; unit++) {
        for (let giver = target; giver !== source; giver = this.takerOf[giver]!) {
          const partition = this.holdings.take(this.givingPair[giver]!, this.hopCosts[giver] === 1);
          this.holdings.give(partition, this.takerOf[giver]!);
        }
      }
    }
  }

  /** How many partitions the hop from `giver` can move at the cost the search found for it. */
  private hopCapacity(giver: number): number {
    const pair = this.givingPair[giver]!;
    return this.hopCosts[giver] === 1 ? this.holdings.held[pair]! : this.holdings.foreign[pair]!;
  }
}
