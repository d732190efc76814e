import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvalidArgumentError } from '@kafka-assignors/core';
import type { ActiveStandbyAssignor } from './active-standby-assignor.js';
import { ConsumerLiveness } from './consumer-liveness.js';
import type { RoleChange, RoleChangeReason } from './role-change.js';
import { roleEndpointSettings, type RoleEndpointOptions, type RoleEndpointSettings } from './role-endpoint-options.js';
import { RoleEventStreams } from './role-event-stream.js';
import { roleReport } from './role-report.js';

/** A running role endpoint. */
export interface RoleEndpoint {
  /** Where it answers, such as `http://127.0.0.1:9478`. */
  readonly url: string;
  /** The address it is bound to. */
  readonly host: string;
  /** The port it is bound to (the one the system chose, for port 0). */
  readonly port: number;
  /** Settles when the endpoint has closed: by `close()`, or with the consumer. */
  readonly closed: Promise<void>;
  /** Stops listening, ends the open `/events` streams and settles once every connection is closed. */
  close(): Promise<void>;
}

/** The methods of each path; HEAD where a GET answers with a body of known length. */
const ROUTES = new Map<string, readonly string[]>([
  ['/role', ['GET', 'HEAD']],
  ['/healthz', ['GET', 'HEAD']],
  ['/events', ['GET']],
  ['/metrics', ['GET', 'HEAD']],
]);

/**
 * Serves the member's role over HTTP (`node:http`): `GET /role` (200 on the active, 503 on a standby, for a
 * client or load balancer that must reach the active only), `GET /healthz` (liveness and readiness, whatever the
 * role), `GET /events` (server-sent events: the role now, then each `roleChange`) and `GET /metrics` (the
 * registry, in Prometheus text). Bound to 127.0.0.1:9478 unless told otherwise; see the README.
 */
export async function serveRole(assignor: ActiveStandbyAssignor, options: RoleEndpointOptions = {}): Promise<RoleEndpoint> {
  if (typeof assignor !== 'object' || assignor === null || typeof assignor.roleState !== 'function' || typeof assignor.on !== 'function') {
    throw new InvalidArgumentError('serveRole', 'assignor', 'must be an active-standby assignor (activeStandbyAssignor(...))');
  }
  const settings = roleEndpointSettings(options);
  let lastReason: RoleChangeReason | null = null;
  const streams = new RoleEventStreams(settings.keepAliveIntervalMs);
  const report = () => roleReport(assignor.roleState(), lastReason, assignor.memberName, settings.clock);
  const onRoleChange = (change: RoleChange) => {
    lastReason = change.reason;
    streams.send('roleChange', change);
  };
  let liveness: ConsumerLiveness | null = null;
  let closing: Promise<void> | null = null;

  const server = createServer((request, response) => {
    respond(request, response).catch((error: unknown) => {
      if (!response.headersSent) reply(request, response, 500, textHeaders, (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' '));
      else response.destroy();
    });
  });
  const respond = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://role-endpoint').pathname;
    const method = request.method ?? 'GET';
    const methods = ROUTES.get(path);
    if (methods === undefined) return reply(request, response, 404, textHeaders, `no such path: ${path} (${[...ROUTES.keys()].join(', ')})`);
    if (!methods.includes(method)) return reply(request, response, 405, { ...textHeaders, allow: methods.join(', ') }, `${method} is not allowed on ${path}`);
    switch (path) {
      case '/role': {
        const current = report();
        return reply(request, response, current.role === 'active' ? 200 : 503, jsonHeaders, JSON.stringify(current));
      }
      case '/healthz': {
        const death = liveness?.death ?? null;
        return death === null ? reply(request, response, 200, textHeaders, 'ok') : reply(request, response, 503, textHeaders, death);
      }
      case '/events':
        // A stream opened on a connection that outlived close() would keep the server from closing.
        if (closing !== null) return reply(request, response, 503, textHeaders, 'the endpoint is closing');
        return streams.open(response, 'role', report());
      default:
        return serveMetrics(request, response, settings);
    }
  };

  await listen(server, settings);
  const { address, port } = server.address() as AddressInfo;
  const closed = new Promise<void>((resolve) => server.once('close', resolve));
  const close = () => {
    closing ??= (() => {
      assignor.off('roleChange', onRoleChange);
      liveness?.stop();
      streams.endAll();
      server.close();
      server.closeIdleConnections();
      return closed;
    })();
    return closing;
  };
  assignor.on('roleChange', onRoleChange);
  if (settings.consumer !== null) liveness = new ConsumerLiveness(settings.consumer, () => void close());
  return { url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`, host: address, port, closed, close };
}

const textHeaders: OutgoingHttpHeaders = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };
const jsonHeaders: OutgoingHttpHeaders = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

async function serveMetrics(request: IncomingMessage, response: ServerResponse, { registry }: RoleEndpointSettings): Promise<void> {
  if (registry === null) return reply(request, response, 404, textHeaders, 'no metrics: serveRole was given no registry');
  const text = await registry.metrics();
  reply(request, response, 200, { 'content-type': registry.contentType, 'cache-control': 'no-store' }, text.replace(/\n$/, ''));
}

/** Answers with `body` and a newline, or with its headers only for HEAD. */
function reply(request: IncomingMessage, response: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: string): void {
  const bytes = Buffer.from(`${body}\n`, 'utf8');
  response.writeHead(status, { ...headers, 'content-length': bytes.byteLength });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}

function listen(server: Server, { port, host }: RoleEndpointSettings): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
