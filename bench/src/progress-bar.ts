import type { Writable } from 'node:stream';

const WIDTH = 30;

/**
 * Progress over work of known total weight, on one line redrawn in place on a terminal, or one line per step
 * elsewhere (a log, a test). `note` prints a line of its own, above the bar.
 */
export class ProgressBar {
  private done = 0;
  private readonly started = Date.now();
  private drawn = false;

  constructor(
    private readonly total: number,
    private readonly out: Writable & { isTTY?: boolean },
  ) {}

  advance(weight: number, label: string): void {
    this.done = Math.min(this.total, this.done + weight);
    this.draw(label);
  }

  /** Shows what is under way without counting it done. */
  show(label: string): void {
    if (this.out.isTTY === true) this.draw(label);
  }

  note(line: string): void {
    this.clear();
    this.out.write(`${line}\n`);
  }

  finish(): void {
    this.clear();
  }

  private draw(label: string): void {
    const fraction = this.total === 0 ? 1 : this.done / this.total;
    const filled = Math.round(fraction * WIDTH);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${elapsed(Date.now() - this.started)} ${label}`;
    if (this.out.isTTY === true) {
      this.out.write(`\r\x1b[K${line}`);
      this.drawn = true;
    } else {
      this.out.write(`${line}\n`);
    }
  }

  private clear(): void {
    if (this.drawn) this.out.write('\r\x1b[K');
    this.drawn = false;
  }
}

function elapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
