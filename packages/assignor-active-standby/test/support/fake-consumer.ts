import type { WatchedConsumer } from '@kafka-assignors/assignor-active-standby';

/** The events of a KafkaJS consumer that the role endpoint listens to, emitted when a test says so. */
export class FakeConsumer implements WatchedConsumer {
  readonly events = { CRASH: 'consumer.crash', STOP: 'consumer.stop', DISCONNECT: 'consumer.disconnect', GROUP_JOIN: 'consumer.group_join' };
  private readonly listeners = new Map<string, Set<(event: { payload?: unknown }) => void>>();

  on(eventName: string, listener: (event: { payload?: unknown }) => void): () => void {
    const listeners = this.listeners.get(eventName) ?? new Set();
    listeners.add(listener);
    this.listeners.set(eventName, listeners);
    return () => listeners.delete(listener);
  }

  emit(eventName: string, payload: unknown = {}): void {
    for (const listener of [...(this.listeners.get(eventName) ?? [])]) listener({ payload });
  }

  /** How many listeners are registered, over all events. */
  get listenerCount(): number {
    return [...this.listeners.values()].reduce((count, listeners) => count + listeners.size, 0);
  }
}
