/** The part of a KafkaJS consumer that the role endpoint listens to. */
export interface WatchedConsumer {
  readonly events: { readonly CRASH: string; readonly STOP: string; readonly DISCONNECT: string; readonly GROUP_JOIN: string };
  on(eventName: string, listener: (event: { readonly payload?: unknown }) => void): () => void;
}

/**
 * Follows a KafkaJS consumer for `/healthz`, and tells when it is gone for good.
 *
 * KafkaJS handles a crash by disconnecting (STOP, DISCONNECT) and only then emits CRASH, saying whether it
 * restarts; so a DISCONNECT means the consumer is gone only if no CRASH follows it within the same turn of the
 * event loop, which is where KafkaJS emits it unless a `restartOnFailure` callback of its user waits on I/O.
 */
export class ConsumerLiveness {
  private problem: string | null = null;
  private readonly removeListeners: (() => void)[];
  private pendingDisconnect: NodeJS.Immediate | null = null;

  constructor(consumer: WatchedConsumer, onGone: () => void) {
    const { CRASH, STOP, DISCONNECT, GROUP_JOIN } = consumer.events;
    this.removeListeners = [
      consumer.on(CRASH, ({ payload }) => {
        this.cancelPendingDisconnect();
        const { restart, error } = (payload ?? {}) as { restart?: unknown; error?: unknown };
        this.problem = restart === false ? `the consumer crashed and KafkaJS does not restart it: ${messageOf(error)}` : null;
      }),
      consumer.on(STOP, () => {
        this.problem ??= 'the consumer is stopped';
      }),
      consumer.on(GROUP_JOIN, () => {
        this.problem = null;
      }),
      consumer.on(DISCONNECT, () => {
        this.problem ??= 'the consumer disconnected';
        this.cancelPendingDisconnect();
        this.pendingDisconnect = setImmediate(() => {
          this.pendingDisconnect = null;
          onGone();
        });
      }),
    ];
  }

  /** Why the consumer is not alive, or `null` while it is. */
  get death(): string | null {
    return this.problem;
  }

  stop(): void {
    this.cancelPendingDisconnect();
    for (const remove of this.removeListeners) remove();
  }

  private cancelPendingDisconnect(): void {
    if (this.pendingDisconnect !== null) clearImmediate(this.pendingDisconnect);
    this.pendingDisconnect = null;
  }
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ');
}
