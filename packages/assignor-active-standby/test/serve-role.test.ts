import { createServer } from 'node:net';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  activeStandbyAssignor,
  encodeRoleRecord,
  serveRole,
  type ActiveStandbyOptions,
  type DecisionReason,
  type Designation,
  type RoleEndpoint,
  type RoleEndpointOptions,
} from '@kafka-assignors/assignor-active-standby';
import { activeStandbyMetrics } from '@kafka-assignors/assignor-active-standby/metrics';
import { InvalidArgumentError } from '@kafka-assignors/core';
import { ManualClock } from '@kafka-assignors/core/testing';
import { EventStreamClient } from './support/event-stream-client.js';
import { FakeConsumer } from './support/fake-consumer.js';
import { silentLogger } from './support/recording-logger.js';

const SESSION_TIMEOUT = 10_000;
/** The default lease margin. */
const MARGIN = 100;

const endpoints: RoleEndpoint[] = [];
const streams: EventStreamClient[] = [];
afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  await Promise.all(endpoints.splice(0).map((endpoint) => endpoint.close()));
});

/** A member on a manual clock, its role endpoint on a free loopback port, and a way to hand it an assignment. */
async function served(endpointOptions: RoleEndpointOptions = {}, options: ActiveStandbyOptions = { name: 'pod-0' }) {
  const clock = new ManualClock();
  const assignor = activeStandbyAssignor({ clock, logger: silentLogger, ...options });
  const endpoint = await serveRole(assignor, { port: 0, clock, ...endpointOptions });
  endpoints.push(endpoint);
  const assigned = (designation: Designation, reason: DecisionReason, generationId: number, memberId = 'm-1') =>
    assignor.onAssignment(
      {
        partitions: designation === 'standby' ? [] : [{ topic: 'orders', partitions: [0] }],
        userData: encodeRoleRecord({ designation, reason, activeMemberId: designation === 'standby' ? 'm-2' : memberId, activeName: designation === 'standby' ? 'pod-1' : 'pod-0' }),
      },
      { memberId, generationId, sessionTimeoutMs: SESSION_TIMEOUT, requestSentAt: clock.now() },
    );
  const events = async () => {
    const stream = await EventStreamClient.open(`${endpoint.url}/events`);
    streams.push(stream);
    return stream;
  };
  return { assignor, clock, endpoint, assigned, events };
}

async function get(url: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: string }> {
  const response = await fetch(url, init);
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe('GET /role', () => {
  it('answers 503 with the standby state before the first rebalance', async () => {
    const { endpoint } = await served();
    const { status, headers, body } = await get(`${endpoint.url}/role`);
    expect(status).toBe(503);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(JSON.parse(body)).toEqual({
      role: 'standby',
      reason: null,
      designation: 'standby',
      generationId: -1,
      memberId: null,
      name: 'pod-0',
      activeMemberId: null,
      activeName: null,
    });
  });

  it('answers 200 on the active, with the fencing token, the reason and the lease left, then 503 once the lease ends', async () => {
    const { endpoint, assigned, clock } = await served();
    assigned('active', 'elected', 4);
    clock.advance(400);
    const active = await get(`${endpoint.url}/role`);
    expect(active.status).toBe(200);
    expect(JSON.parse(active.body)).toEqual({
      role: 'active',
      reason: 'elected',
      designation: 'active',
      generationId: 4,
      memberId: 'm-1',
      name: 'pod-0',
      activeMemberId: 'm-1',
      activeName: 'pod-0',
      leaseRemainingMs: SESSION_TIMEOUT - MARGIN - 400,
    });

    clock.advance(SESSION_TIMEOUT);
    const fenced = await get(`${endpoint.url}/role`);
    expect(fenced.status).toBe(503);
    expect(JSON.parse(fenced.body)).toMatchObject({ role: 'standby', reason: 'session-lost', designation: 'active', leaseRemainingMs: 0 });
  });

  it('answers 503 on a standby, naming the active', async () => {
    const { endpoint, assigned } = await served();
    assigned('standby', 'kept', 7, 'm-1');
    const { status, body } = await get(`${endpoint.url}/role`);
    expect(status).toBe(503);
    expect(JSON.parse(body)).toMatchObject({ role: 'standby', generationId: 7, memberId: 'm-1', activeMemberId: 'm-2', activeName: 'pod-1' });
  });

  it('answers HEAD with the status and headers of GET and no body', async () => {
    const { endpoint, assigned } = await served();
    assigned('active', 'failover', 2);
    const { status, headers, body } = await get(`${endpoint.url}/role`, { method: 'HEAD' });
    expect(status).toBe(200);
    expect(Number(headers.get('content-length'))).toBeGreaterThan(0);
    expect(body).toBe('');
  });
});

describe('GET /healthz', () => {
  it('answers 200 whatever the role when it is given no consumer', async () => {
    const { endpoint, assigned } = await served();
    expect(await get(`${endpoint.url}/healthz`)).toMatchObject({ status: 200, body: 'ok\n' });
    assigned('active', 'elected', 1);
    expect(await get(`${endpoint.url}/healthz`)).toMatchObject({ status: 200, body: 'ok\n' });
  });

  it('follows the consumer: 503 while it is stopped, 200 once it joins again, 200 through a crash KafkaJS restarts from', async () => {
    const consumer = new FakeConsumer();
    const { endpoint } = await served({ consumer });
    consumer.emit(consumer.events.STOP);
    expect(await get(`${endpoint.url}/healthz`)).toMatchObject({ status: 503, body: 'the consumer is stopped\n' });
    consumer.emit(consumer.events.GROUP_JOIN);
    expect(await get(`${endpoint.url}/healthz`)).toMatchObject({ status: 200, body: 'ok\n' });

    // KafkaJS' order on a crash: it disconnects, then says whether it restarts.
    consumer.emit(consumer.events.STOP);
    consumer.emit(consumer.events.DISCONNECT);
    consumer.emit(consumer.events.CRASH, { error: new Error('Connection lost'), restart: true });
    expect(await get(`${endpoint.url}/healthz`)).toMatchObject({ status: 200, body: 'ok\n' });
  });

  it('answers 503 with the error after a crash KafkaJS does not restart from, and stays up to say so', async () => {
    const consumer = new FakeConsumer();
    const { endpoint } = await served({ consumer });
    consumer.emit(consumer.events.STOP);
    consumer.emit(consumer.events.DISCONNECT);
    consumer.emit(consumer.events.CRASH, { error: new Error('The group is rebalancing,\nso no'), restart: false });
    expect(await get(`${endpoint.url}/healthz`)).toMatchObject({
      status: 503,
      body: 'the consumer crashed and KafkaJS does not restart it: The group is rebalancing, so no\n',
    });
  });

  it('closes with the consumer when it disconnects, ending the event streams and removing its listeners', async () => {
    const consumer = new FakeConsumer();
    const { endpoint, events } = await served({ consumer });
    const stream = await events();
    await stream.nextEvent();
    expect(consumer.listenerCount).toBeGreaterThan(0);
    consumer.emit(consumer.events.STOP);
    consumer.emit(consumer.events.DISCONNECT);
    await endpoint.closed;
    await stream.ended;
    expect(consumer.listenerCount).toBe(0);
    await expect(fetch(`${endpoint.url}/healthz`)).rejects.toThrow();
  });
});

describe('GET /events', () => {
  it('sends the role now, then every role change in order, as JSON', async () => {
    const { assigned, clock, events } = await served();
    const stream = await events();
    expect(stream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(await stream.nextEvent()).toMatchObject({ event: 'role', data: { role: 'standby', reason: null, generationId: -1 } });

    assigned('active', 'failover', 5);
    clock.advance(SESSION_TIMEOUT);
    expect(await stream.nextEvent()).toEqual({
      event: 'roleChange',
      data: { role: 'active', previousRole: 'standby', reason: 'failover', memberId: 'm-1', generationId: 5, activeMemberId: 'm-1', activeName: 'pod-0' },
    });
    expect(await stream.nextEvent()).toMatchObject({ event: 'roleChange', data: { role: 'standby', previousRole: 'active', reason: 'session-lost', generationId: 5 } });
  });

  it('sends a keep-alive comment at the interval it is given', async () => {
    const { events } = await served({ keepAliveIntervalMs: 20 });
    const stream = await events();
    await stream.nextEvent();
    expect(await stream.next()).toEqual({ kind: 'comment', text: 'keep-alive' });
  });

  it('sends the current state to a client that connects after a change, and goes on for the others when one client goes', async () => {
    const { assigned, events } = await served();
    const leaving = await events();
    await leaving.nextEvent();
    assigned('active', 'elected', 3);
    const staying = await events();
    expect(await staying.nextEvent()).toMatchObject({ event: 'role', data: { role: 'active', reason: 'elected', generationId: 3 } });
    leaving.close();
    await leaving.ended;
    assigned('standby', 'preempted', 4);
    expect(await staying.nextEvent()).toMatchObject({ event: 'roleChange', data: { role: 'standby', reason: 'preempted', generationId: 4 } });
  });
});

describe('GET /metrics', () => {
  it('serves the registry in Prometheus text format', async () => {
    const registry = new Registry();
    const { assignor, assigned, endpoint } = await served({ registry });
    activeStandbyMetrics(assignor, { registry, group: 'orders' });
    assigned('active', 'elected', 1);
    const { status, headers, body } = await get(`${endpoint.url}/metrics`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe(registry.contentType);
    expect(body).toContain('kafka_assignors_active_standby_role{group="orders",member="pod-0"} 1\n');
    expect(body).toContain('kafka_assignors_active_standby_role_changes_total{group="orders",role="active",reason="elected"} 1\n');
  });

  it('answers 500 with the error in one line when the registry fails', async () => {
    const registry = { contentType: 'text/plain', metrics: () => Promise.reject(new Error('collect failed:\nno data')) };
    const { endpoint } = await served({ registry });
    expect(await get(`${endpoint.url}/metrics`)).toMatchObject({ status: 500, body: 'collect failed: no data\n' });
  });

  it('answers 404 when it was given no registry', async () => {
    const { endpoint } = await served();
    expect(await get(`${endpoint.url}/metrics`)).toMatchObject({ status: 404, body: 'no metrics: serveRole was given no registry\n' });
  });
});

describe('other requests', () => {
  it('answers 404 with one line for an unknown path', async () => {
    const { endpoint } = await served();
    expect(await get(`${endpoint.url}/roles`)).toMatchObject({ status: 404, body: 'no such path: /roles (/role, /healthz, /events, /metrics)\n' });
  });

  it.each([
    ['POST', '/role', 'GET, HEAD'],
    ['DELETE', '/healthz', 'GET, HEAD'],
    ['HEAD', '/events', 'GET'],
    ['PUT', '/metrics', 'GET, HEAD'],
  ])('answers 405 to %s %s, with Allow: %s', async (method, path, allow) => {
    const { endpoint } = await served();
    const { status, headers, body } = await get(`${endpoint.url}${path}`, { method });
    expect(status).toBe(405);
    expect(headers.get('allow')).toBe(allow);
    expect(body).toBe(method === 'HEAD' ? '' : `${method} is not allowed on ${path}\n`);
  });
});

describe('the server', () => {
  it('binds to 127.0.0.1 by default and tells where', async () => {
    const { endpoint } = await served();
    expect(endpoint.host).toBe('127.0.0.1');
    expect(endpoint.port).toBeGreaterThan(0);
    expect(endpoint.url).toBe(`http://127.0.0.1:${endpoint.port}`);
  });

  it('close() ends the open event streams, stops the role events reaching them and settles', async () => {
    const { endpoint, events, assigned } = await served();
    const stream = await events();
    await stream.nextEvent();
    await endpoint.close();
    await stream.ended;
    await endpoint.closed;
    assigned('active', 'elected', 1);
    expect(stream.items).toHaveLength(1);
    await expect(endpoint.close()).resolves.toBeUndefined();
  });

  it('rejects when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      await expect(serveRole(activeStandbyAssignor({ logger: silentLogger }), { port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      blocker.close();
    }
  });
});

describe('options', () => {
  it.each([
    [{ prot: 80 }, 'options.prot', 'is not an option'],
    [{ port: -1 }, 'options.port', 'must be an integer from 0 to 65535'],
    [{ port: 65_536 }, 'options.port', 'must be an integer from 0 to 65535'],
    [{ port: 80.5 }, 'options.port', 'must be an integer from 0 to 65535'],
    [{ port: '9478' }, 'options.port', 'must be an integer from 0 to 65535'],
    [{ host: '' }, 'options.host', 'must be a non-empty string'],
    [{ registry: {} }, 'options.registry', 'must have a metrics function'],
    [{ consumer: { on: () => undefined } }, 'options.consumer', 'must be a KafkaJS consumer'],
    [{ keepAliveIntervalMs: 0 }, 'options.keepAliveIntervalMs', 'must be a finite number of milliseconds above 0'],
    [{ clock: {} }, 'options.clock', 'must have a now function'],
  ])('refuses %j, naming %s', async (options, argument, problem) => {
    const refused = serveRole(activeStandbyAssignor({ logger: silentLogger }), options as unknown as RoleEndpointOptions);
    await expect(refused).rejects.toThrow(InvalidArgumentError);
    await expect(refused).rejects.toThrow(problem);
    await expect(refused).rejects.toThrow(expect.objectContaining({ functionName: 'serveRole', argument }));
  });

  it('refuses what is not an active-standby assignor', async () => {
    await expect(serveRole({} as never)).rejects.toThrow(expect.objectContaining({ functionName: 'serveRole', argument: 'assignor' }));
  });

  it('takes undefined for the default of every option', async () => {
    const { endpoint } = await served({ host: undefined, registry: undefined, consumer: undefined, keepAliveIntervalMs: undefined });
    expect(endpoint.host).toBe('127.0.0.1');
  });
});
