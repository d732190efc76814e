import { PassThrough, Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ProxyPipe } from '../src/fault-proxy-pipe.js';

/** A destination that takes a chunk only when the test says so, and reports full beyond `highWaterMark` bytes. */
class SlowDestination extends Writable {
  readonly written: string[] = [];
  private readonly pending: (() => void)[] = [];

  constructor(highWaterMark: number) {
    super({ highWaterMark });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.written.push(chunk.toString());
    this.pending.push(callback);
  }

  takeAll(): void {
    for (const callback of this.pending.splice(0)) callback();
  }
}

/** A destination that takes everything at once. */
class Sink extends Writable {
  readonly written: string[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.written.push(chunk.toString());
    callback();
  }
}

/** Lets the streams' queued callbacks (next ticks and immediates) run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('ProxyPipe', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  test('pauses its source while the destination is full, and resumes it on drain', async () => {
    const source = new PassThrough();
    const destination = new SlowDestination(2);
    new ProxyPipe(source, destination).apply('pass');
    source.write('abc');
    await settle();
    expect(destination.written).toEqual(['abc']);
    expect(source.isPaused()).toBe(true);

    source.write('def');
    await settle();
    expect(destination.written).toEqual(['abc']);

    destination.takeAll();
    await settle();
    expect(destination.written).toEqual(['abc', 'def']);
    destination.takeAll();
    await settle();
    expect(source.isPaused()).toBe(false);
  });

  test('holds everything, its end included, until it may forward, then forwards it in order', async () => {
    const source = new PassThrough();
    const destination = new Sink();
    const pipe = new ProxyPipe(source, destination);
    source.write('a');
    source.end('b');
    await settle();
    expect(source.isPaused()).toBe(true);
    expect(destination.written).toEqual([]);

    pipe.apply('hold');
    await settle();
    expect(destination.written).toEqual([]);
    expect(destination.writableEnded).toBe(false);

    pipe.apply('pass');
    await settle();
    expect(destination.written.join('')).toBe('ab');
    expect(destination.writableFinished).toBe(true);
  });

  test('forwards each chunk its delay after it arrived; chunks taken after pass wait their turn', async () => {
    const source = new PassThrough();
    const destination = new Sink();
    const pipe = new ProxyPipe(source, destination);
    pipe.apply({ delay: 100 });
    source.write('x');
    await settle();
    pipe.apply('pass');
    source.write('y');
    await settle();
    await vi.advanceTimersByTimeAsync(99);
    expect(destination.written).toEqual([]);

    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(destination.written).toEqual(['x', 'y']);
  });

  test('stops reading once 4 MiB are in flight in a delay, and reads again as they leave', async () => {
    const source = new PassThrough({ highWaterMark: 8 * 1024 * 1024 });
    const destination = new Sink();
    new ProxyPipe(source, destination).apply({ delay: 1_000 });
    source.write(Buffer.alloc(3 * 1024 * 1024));
    await settle();
    expect(source.isPaused()).toBe(false);

    source.write(Buffer.alloc(1024 * 1024));
    await settle();
    expect(source.isPaused()).toBe(true);

    await vi.advanceTimersByTimeAsync(1_000);
    await settle();
    expect(destination.written.join('')).toHaveLength(4 * 1024 * 1024);
    expect(source.isPaused()).toBe(false);
  });

  test('drops what it holds and its timer when the destination closes', async () => {
    const source = new PassThrough();
    const destination = new Sink();
    new ProxyPipe(source, destination).apply({ delay: 100 });
    source.write('x');
    await settle();
    expect(vi.getTimerCount()).toBe(1);

    destination.destroy();
    await settle();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(destination.written).toEqual([]);
  });
});
