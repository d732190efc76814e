/** One server-sent event, or a comment line (`: ...`), as the client read it. */
export type StreamItem = { readonly kind: 'event'; readonly event: string; readonly data: unknown } | { readonly kind: 'comment'; readonly text: string };

/**
 * A client of a `text/event-stream` endpoint that keeps what it reads, for tests to wait on: `next()` gives
 * the items in order, `ended` settles when the server ends the stream.
 */
export class EventStreamClient {
  readonly items: StreamItem[] = [];
  readonly ended: Promise<void>;
  private readonly waiting: (() => void)[] = [];
  private read = 0;

  private constructor(
    readonly response: Response,
    private readonly abortController: AbortController,
  ) {
    this.ended = this.consume();
  }

  static async open(url: string): Promise<EventStreamClient> {
    const abortController = new AbortController();
    return new EventStreamClient(await fetch(url, { signal: abortController.signal }), abortController);
  }

  /** The next event, skipping comments; fails after `timeoutMs`. */
  async nextEvent(timeoutMs = 5_000): Promise<{ event: string; data: unknown }> {
    for (;;) {
      const item = await this.next(timeoutMs);
      if (item.kind === 'event') return { event: item.event, data: item.data };
    }
  }

  /** The next item not yet returned; fails after `timeoutMs`. */
  async next(timeoutMs = 5_000): Promise<StreamItem> {
    const deadline = Date.now() + timeoutMs;
    while (this.read === this.items.length) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no item within ${timeoutMs} ms; read so far: ${JSON.stringify(this.items)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.items[this.read++]!;
  }

  /** The client goes away. */
  close(): void {
    this.abortController.abort();
  }

  private async consume(): Promise<void> {
    const body = this.response.body;
    if (body === null) return;
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for await (const chunk of body) {
        buffered += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          this.add(buffered.slice(0, end));
          buffered = buffered.slice(end + 2);
        }
      }
    } catch (error) {
      if (!this.abortController.signal.aborted) throw error;
    }
  }

  private add(block: string): void {
    const lines = block.split('\n');
    if (lines.every((line) => line.startsWith(':'))) {
      this.items.push({ kind: 'comment', text: lines.map((line) => line.slice(1).trim()).join('\n') });
    } else {
      const field = (name: string) => lines.filter((line) => line.startsWith(`${name}: `)).map((line) => line.slice(name.length + 2)).join('\n');
      this.items.push({ kind: 'event', event: field('event'), data: JSON.parse(field('data')) as unknown });
    }
    for (const wake of this.waiting.splice(0)) wake();
  }
}
