import type { Terminal } from '../cli-result.js';

/** Short runs finish before a bar would be worth drawing. */
const DELAY_MS = 300;
const MAX_BAR_WIDTH = 40;
const CLEAR_LINE = '\u001b[K';

/**
 * A progress bar redrawn in place on the terminal, once the work has lasted a moment; nothing at all
 * without a terminal (standard error redirected, tests).
 */
export class ProgressBar {
  private readonly started: number;
  private shown = '';

  constructor(
    private readonly terminal: Terminal | null,
    private readonly now: () => number,
    private readonly total: number,
  ) {
    this.started = now();
  }

  update(done: number, label: string): void {
    if (this.terminal === null || this.now() - this.started < DELAY_MS) return;
    const fraction = this.total === 0 ? 1 : Math.min(1, done / this.total);
    const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
    const width = Math.max(10, Math.min(MAX_BAR_WIDTH, this.terminal.columns - label.length - 16));
    const filled = Math.round(fraction * width);
    const text = `lab [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent} ${label}`;
    if (text === this.shown) return;
    this.terminal.write(`\r${text}${CLEAR_LINE}`);
    this.shown = text;
  }

  /** Erases the bar, leaving the line as it was. */
  finish(): void {
    if (this.shown === '') return;
    this.terminal?.write(`\r${CLEAR_LINE}`);
    this.shown = '';
  }
}
