/**
 * A small seeded generator (SplitMix32), so that a scenario is the same on every machine and in every run.
 * Not for anything but drawing benchmark inputs.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A 32-bit unsigned integer. */
  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  }

  /** An integer from 0 to `bound - 1`. */
  below(bound: number): number {
    return Math.floor((this.next() / 0x1_0000_0000) * bound);
  }

  /** `length` lowercase hexadecimal digits. */
  hex(length: number): string {
    let text = '';
    while (text.length < length) text += this.next().toString(16).padStart(8, '0');
    return text.slice(0, length);
  }
}

/** A seed for one scenario from the grid's seed and the scenario's id, so that it does not depend on the grid around it. */
export function scenarioSeed(gridSeed: number, scenarioId: string): number {
  let hash = gridSeed >>> 0;
  for (let i = 0; i < scenarioId.length; i++) hash = Math.imul(hash ^ scenarioId.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
