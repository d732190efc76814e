import { createServer, request as httpRequest, Agent, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { systemClock } from '@kafka-assignors/core';
import { afterEach, describe, expect, test } from 'vitest';
import { startFencingSink, type FencingSink } from '../src/fencing-sink.js';
import type { SideEffect } from '../src/run-record.js';
import { writeEffect } from '../src/write-effect.js';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startedSink(): Promise<FencingSink> {
  const sink = await startFencingSink();
  cleanups.push(() => sink.close());
  return sink;
}

function effect(overrides: Partial<SideEffect> = {}): SideEffect {
  return { resource: 'ledger', token: 1, key: 'k', pod: 'pod-a', issuedAt: systemClock.now(), ...overrides };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function post(url: string, body: string): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

/** A plain HTTP server on 127.0.0.1 that hands each request to `handler`; its connections are cut after the test. */
async function startHttpServer(handler: (request: IncomingMessage, respond: (status: number, body: string) => void) => void): Promise<string> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    // Answered once the body is in, as the sink does: an answer before the body is sent ends the connection.
    request.resume().on('end', () => handler(request, (status, body) => response.writeHead(status).end(body)));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP listener');
  return `http://127.0.0.1:${address.port}/write`;
}

describe('startFencingSink', () => {
  test('listens on 127.0.0.1 and takes effects at /write', async () => {
    const sink = await startedSink();
    expect(sink.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/write$/);
  });

  test('accepts a token at least the highest seen for the resource, and refuses a lower one', async () => {
    const sink = await startedSink();
    const outcomes = [];
    for (const token of [3, 5, 4, 5, 6, 2]) outcomes.push(await writeEffect(sink.url, effect({ token })));
    expect(outcomes).toEqual([
      { accepted: true },
      { accepted: true },
      { accepted: false, highest: 5 },
      { accepted: true },
      { accepted: true },
      { accepted: false, highest: 6 },
    ]);
  });

  test('answers 200 {"accepted":true} and 409 {"accepted":false,"highest":N}', async () => {
    const sink = await startedSink();
    const accepted = await post(sink.url, JSON.stringify(effect({ token: 7 })));
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toBe('{"accepted":true}');
    const refused = await post(sink.url, JSON.stringify(effect({ token: 6 })));
    expect(refused.status).toBe(409);
    expect(await refused.text()).toBe('{"accepted":false,"highest":7}');
  });

  test('keeps the highest token per resource', async () => {
    const sink = await startedSink();
    expect(await writeEffect(sink.url, effect({ resource: 'orders', token: 9 }))).toEqual({ accepted: true });
    expect(await writeEffect(sink.url, effect({ resource: 'invoices', token: 1 }))).toEqual({ accepted: true });
    expect(await writeEffect(sink.url, effect({ resource: 'orders', token: 1 }))).toEqual({ accepted: false, highest: 9 });
    expect(await writeEffect(sink.url, effect({ resource: 'invoices', token: 1 }))).toEqual({ accepted: true });
  });

  test('records every write, accepted or refused, in order of arrival, on the monotonic clock', async () => {
    const sink = await startedSink();
    const before = systemClock.now();
    const first = effect({ token: 2, key: 'k1', pod: 'pod-b', issuedAt: before });
    const second = effect({ token: 1, key: 'k2', pod: 'pod-a', issuedAt: before + 1 });
    await writeEffect(sink.url, first);
    const afterFirst = sink.writes();
    await writeEffect(sink.url, second);
    const after = systemClock.now();

    const writes = sink.writes();
    expect(writes).toEqual([
      { ...first, receivedAt: expect.any(Number) as number, accepted: true },
      { ...second, receivedAt: expect.any(Number) as number, accepted: false },
    ]);
    const [firstWrite, secondWrite] = writes;
    expect(firstWrite?.receivedAt).toBeGreaterThanOrEqual(before);
    expect(secondWrite?.receivedAt).toBeGreaterThanOrEqual(firstWrite?.receivedAt ?? Infinity);
    expect(secondWrite?.receivedAt).toBeLessThanOrEqual(after);
    expect(afterFirst).toHaveLength(1);
  });

  test('keeps only the fields of a side effect', async () => {
    const sink = await startedSink();
    await post(sink.url, JSON.stringify({ ...effect(), accepted: false, extra: 'ignored' }));
    expect(Object.keys(sink.writes()[0] ?? {}).sort()).toEqual(['accepted', 'issuedAt', 'key', 'pod', 'receivedAt', 'resource', 'token']);
    expect(sink.writes()[0]?.accepted).toBe(true);
  });

  const valid = { resource: 'ledger', token: 1, key: 'k', pod: 'pod-a', issuedAt: 12.5 };
  test.each([
    ['not JSON', '{"resource":', /^the body is not JSON: /],
    ['an array', '[1, 2]', /^the body must be a JSON object/],
    ['null', 'null', /^the body must be a JSON object/],
    ['a number', '42', /^the body must be a JSON object/],
    ['without a resource', JSON.stringify({ ...valid, resource: undefined }), /^resource must be a non-empty string$/],
    ['with an empty resource', JSON.stringify({ ...valid, resource: '' }), /^resource must be a non-empty string$/],
    ['with a token as a string', JSON.stringify({ ...valid, token: '1' }), /^token must be an integer$/],
    ['with a fractional token', JSON.stringify({ ...valid, token: 1.5 }), /^token must be an integer$/],
    ['with a key as a number', JSON.stringify({ ...valid, key: 7 }), /^key must be a string$/],
    ['without a pod', JSON.stringify({ ...valid, pod: undefined }), /^pod must be a non-empty string$/],
    ['with issuedAt as a string', JSON.stringify({ ...valid, issuedAt: '12.5' }), /^issuedAt must be a finite number$/],
    ['without issuedAt', JSON.stringify({ ...valid, issuedAt: undefined }), /^issuedAt must be a finite number$/],
  ])('answers a body %s with 400 and a one-line reason, and records nothing', async (_case, body, reason) => {
    const sink = await startedSink();
    const response = await post(sink.url, body);
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text.trimEnd()).toMatch(reason);
    expect(text.trimEnd()).not.toContain('\n');
    expect(sink.writes()).toEqual([]);
  });

  test('answers a body too long to be a side effect with 413', async () => {
    const sink = await startedSink();
    const response = await post(sink.url, JSON.stringify({ ...effect(), key: 'k'.repeat(100_000) }));
    expect(response.status).toBe(413);
    expect(sink.writes()).toEqual([]);
  });

  test('answers other paths with 404 and other methods with 405', async () => {
    const sink = await startedSink();
    const elsewhere = await post(new URL('/other', sink.url).href, JSON.stringify(effect()));
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.text()).toMatch(/^nothing at \/other: side effects go to POST \/write\n$/);
    expect((await fetch(new URL('/', sink.url))).status).toBe(404);
    const get = await fetch(sink.url);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await fetch(sink.url, { method: 'PUT', body: JSON.stringify(effect()) })).status).toBe(405);
    expect(sink.writes()).toEqual([]);
  });

  test('decides concurrent writes one at a time, in order of arrival', async () => {
    const sink = await startedSink();
    const effects = Array.from({ length: 200 }, (_, index) =>
      effect({ resource: `resource-${index % 3}`, token: (index * 7919) % 50, key: `k${index}` }),
    );
    const outcomes = await Promise.all(effects.map((sent) => writeEffect(sink.url, sent)));

    const writes = sink.writes();
    expect(writes).toHaveLength(effects.length);
    const highest = new Map<string, number>();
    for (const write of writes) {
      const before = highest.get(write.resource);
      const expected = before === undefined || write.token >= before;
      expect(write.accepted).toBe(expected);
      if (expected) highest.set(write.resource, write.token);
      const outcome = outcomes[effects.findIndex((sent) => sent.key === write.key)];
      expect(outcome).toEqual(expected ? { accepted: true } : { accepted: false, highest: before });
    }
    for (let index = 1; index < writes.length; index++) {
      expect(writes[index]?.receivedAt).toBeGreaterThanOrEqual(writes[index - 1]?.receivedAt ?? Infinity);
    }
  });

  test('closes with pods still connected, and refuses connections after', async () => {
    const sink = await startFencingSink();
    await writeEffect(sink.url, effect());
    const closing = sink.close();
    expect(sink.close()).toBe(closing);
    await closing;
    await expect(writeEffect(sink.url, effect())).rejects.toThrow();
    expect(sink.writes()).toHaveLength(1);
  });

  test('on close, answers the write in flight and then ends its connection', async () => {
    const sink = await startFencingSink();
    const agent = new Agent({ keepAlive: true });
    cleanups.push(() => Promise.resolve(agent.destroy()));
    const request = httpRequest(sink.url, { method: 'POST', agent });
    const answered = new Promise<IncomingMessage>((resolve, reject) => request.on('response', resolve).on('error', reject));
    request.write('{"resource":"ledger","token":1,');
    await sleep(50);

    // The sink has the request's head but not all of its body when it is told to close.
    let closed = false;
    const closing = sink.close().then(() => (closed = true));
    await sleep(50);
    expect(closed).toBe(false);
    request.end('"key":"k","pod":"pod-a","issuedAt":1}');
    const response = await answered;
    expect(response.statusCode).toBe(200);
    expect(response.headers.connection).toBe('close');
    response.resume();
    await closing;
    expect(sink.writes().map(({ key, accepted }) => ({ key, accepted }))).toEqual([{ key: 'k', accepted: true }]);
  });
});

describe('writeEffect', () => {
  test('reuses its connections for the next effects', async () => {
    const remotePorts: number[] = [];
    const url = await startHttpServer((request, respond) => {
      remotePorts.push(request.socket.remotePort ?? -1);
      respond(200, '{"accepted":true}');
    });
    for (let index = 0; index < 10; index++) await writeEffect(url, effect());
    expect(remotePorts).toHaveLength(10);
    // fetch's pool can open a second connection while it takes back the first, but not one per effect.
    expect(new Set(remotePorts).size).toBeLessThanOrEqual(3);
  });

  test('sends only the fields of a side effect', async () => {
    const sink = await startedSink();
    await writeEffect(sink.url, { ...effect(), accepted: false, receivedAt: 0 } as SideEffect);
    expect(sink.writes()[0]?.accepted).toBe(true);
  });

  test('rejects when the sink does not answer within the timeout', async () => {
    const url = await startHttpServer(() => undefined);
    const started = performance.now();
    await expect(writeEffect(url, effect(), { timeoutMs: 100 })).rejects.toThrow(/did not answer within 100 ms/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  test('rejects on an answer other than 200 or 409', async () => {
    const sink = await startedSink();
    await expect(writeEffect(new URL('/other', sink.url).href, effect())).rejects.toThrow(/answered 404: nothing at \/other/);
    const url = await startHttpServer((_request, respond) => respond(500, 'boom'));
    await expect(writeEffect(url, effect())).rejects.toThrow(/answered 500: boom/);
  });

  test('rejects a refusal that does not say the highest token', async () => {
    const url = await startHttpServer((_request, respond) => respond(409, '{"accepted":false}'));
    await expect(writeEffect(url, effect())).rejects.toThrow(/without saying the highest token/);
  });
});
