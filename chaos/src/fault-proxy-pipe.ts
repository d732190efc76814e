import type { Readable, Writable } from 'node:stream';
import { delayOf, forwardsBytes, type FaultMode } from './fault-proxy-mode.js';

/**
 * Bytes a pipe keeps in flight before it stops reading. Over a slow link TCP has at most a window unacknowledged
 * and the sender then waits; without a cap a delayed pipe would buffer all the sender can produce in the delay.
 */
const IN_FLIGHT_LIMIT = 4 * 1024 * 1024;

interface InFlight {
  /** `null` for the end of the source. */
  readonly chunk: Buffer | null;
  /** When it may be forwarded, on `performance.now()`'s clock. */
  readonly due: number;
}

/**
 * One direction of a proxied connection: forwards what `source` reads to `destination`, in order, as the mode
 * says, including the source's end. Holds until the first `apply`. The source is paused whenever the pipe must
 * not take more: the destination is full (backpressure), the mode forwards nothing, or too much is in flight;
 * bytes then wait in the source's buffers and the sender's, as in TCP. When the destination closes, the pipe
 * stops and drops what it still holds.
 */
export class ProxyPipe {
  private mode: FaultMode = 'hold';
  private readonly inFlight: InFlight[] = [];
  private inFlightBytes = 0;
  private awaitingDrain = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly source: Readable,
    private readonly destination: Writable,
  ) {
    source.on('data', (chunk: Buffer) => this.take(chunk));
    source.on('end', () => this.take(null));
    destination.on('close', () => this.stop());
    this.forward();
  }

  apply(mode: FaultMode): void {
    this.mode = mode;
    this.forward();
  }

  private take(chunk: Buffer | null): void {
    this.inFlight.push({ chunk, due: performance.now() + delayOf(this.mode) });
    this.inFlightBytes += chunk?.length ?? 0;
    this.forward();
  }

  private forward(): void {
    if (this.stopped) return;
    while (forwardsBytes(this.mode) && !this.awaitingDrain) {
      const next = this.inFlight[0];
      if (next === undefined) break;
      const wait = next.due - performance.now();
      if (wait > 0) {
        this.timer ??= setTimeout(() => {
          this.timer = undefined;
          this.forward();
        }, Math.ceil(wait));
        break;
      }
      this.inFlight.shift();
      if (next.chunk === null) {
        this.destination.end();
        continue;
      }
      this.inFlightBytes -= next.chunk.length;
      if (!this.destination.write(next.chunk)) {
        this.awaitingDrain = true;
        this.destination.once('drain', () => {
          this.awaitingDrain = false;
          this.forward();
        });
      }
    }
    const wantsMore = forwardsBytes(this.mode) && !this.awaitingDrain && this.inFlightBytes < IN_FLIGHT_LIMIT;
    if (wantsMore) this.source.resume();
    else this.source.pause();
  }

  private stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.inFlight.length = 0;
    this.inFlightBytes = 0;
  }
}
