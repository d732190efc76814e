/**
 * Pseudo-random numbers from a 32-bit seed, the same on every platform and in every version, so that a seed
 * names one history for good. A counter advanced by the golden-ratio step, each value passed through a
 * 32-bit integer hash (xor-shift and multiply rounds): small, fast, and plenty for drawing histories.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let value = this.state;
    value = Math.imul(value ^ (value >>> 16), 0x85ebca6b);
    value = Math.imul(value ^ (value >>> 13), 0xc2b2ae35);
    value ^= value >>> 16;
    return (value >>> 0) / 0x1_0000_0000;
  }

  /** An integer in [0, bound). */
  below(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  pick<T>(values: readonly T[]): T {
    const value = values[this.below(values.length)];
    if (value === undefined) throw new RangeError('cannot pick from an empty list');
    return value;
  }

  /** True with probability `probability`. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }
}
