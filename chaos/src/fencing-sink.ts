import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { systemClock } from '@kafka-assignors/core';
import type { SideEffect, SinkWrite } from './run-record.js';

const LOOPBACK = '127.0.0.1';
const WRITE_PATH = '/write';
// A side effect is a few short strings and numbers; a body this long is a pod bug, not worth buffering.
const LONGEST_BODY_BYTES = 64 * 1024;

export interface FencingSinkOptions {
  /** The port to listen on, on 127.0.0.1; 0 or omitted for one the OS picks. */
  readonly port?: number;
}

/** The sink's answer to a side effect; a refusal says which token outranked it. */
export type WriteOutcome = { readonly accepted: true } | { readonly accepted: false; readonly highest: number };

/**
 * A store that applies a side effect only if its fencing token is at least the highest it has seen for the
 * effect's resource, so that a deposed active, whose token is lower than its successor's, writes nothing.
 * Pods reach it over HTTP: `POST /write` with a `SideEffect` as JSON, answered 200 `{"accepted":true}` or 409
 * `{"accepted":false,"highest":N}`; a malformed body gets a 400 with a one-line reason.
 */
export interface FencingSink {
  /** Where pods send their effects, for `writeEffect`. */
  readonly url: string;
  /** Every well-formed write received, accepted or refused, in order of arrival. */
  writes(): readonly SinkWrite[];
  /** Stops listening; resolves once the writes in flight are answered and every connection is closed. */
  close(): Promise<void>;
}

type ParsedBody = { readonly effect: SideEffect } | { readonly reason: string };

interface Reply {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  /** The methods allowed, on a 405. */
  readonly allow?: string;
}

export async function startFencingSink(options: FencingSinkOptions = {}): Promise<FencingSink> {
  const highestPerResource = new Map<string, number>();
  const writes: SinkWrite[] = [];
  let closing: Promise<void> | undefined;

  // Everything from the arrival time to the new highest happens in one turn of the event loop: no other
  // write can come between a token's comparison and its record.
  const receive = (effect: SideEffect): WriteOutcome => {
    const receivedAt = systemClock.now();
    const highest = highestPerResource.get(effect.resource);
    if (highest !== undefined && effect.token < highest) {
      writes.push({ ...effect, receivedAt, accepted: false });
      return { accepted: false, highest };
    }
    highestPerResource.set(effect.resource, effect.token);
    writes.push({ ...effect, receivedAt, accepted: true });
    return { accepted: true };
  };

  const handle = async (request: IncomingMessage): Promise<Reply> => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== WRITE_PATH) return textReply(404, `nothing at ${path}: side effects go to POST ${WRITE_PATH}`);
    if (request.method !== 'POST') {
      return { ...textReply(405, `${request.method} is not allowed: side effects go to POST ${WRITE_PATH}`), allow: 'POST' };
    }
    const body = await readBody(request);
    if (body === undefined) return textReply(413, `the body exceeds ${LONGEST_BODY_BYTES} bytes`);
    const parsed = parseBody(body);
    if ('reason' in parsed) return textReply(400, parsed.reason);
    const outcome = receive(parsed.effect);
    return { status: outcome.accepted ? 200 : 409, contentType: 'application/json', body: JSON.stringify(outcome) };
  };

  const send = (response: ServerResponse, { status, contentType, body, allow }: Reply): void => {
    // Pods reuse their connections: once closing, each answer ends its connection, so that close() can finish.
    if (closing !== undefined) response.shouldKeepAlive = false;
    response.writeHead(status, { 'content-type': contentType, ...(allow === undefined ? {} : { allow }) }).end(body);
  };

  // A request that fails while its body is read (the pod was killed mid-write) has nobody to answer.
  const server = createServer((request, response) => {
    handle(request).then(
      (reply) => send(response, reply),
      () => response.destroy(),
    );
  });
  const port = await listen(server, options.port ?? 0);

  const close = (): Promise<void> => {
    const stopped = new Promise<void>((resolve, reject) => server.close((error) => (error === undefined ? resolve() : reject(error))));
    server.closeIdleConnections();
    return stopped;
  };

  return {
    url: `http://${LOOPBACK}:${port}${WRITE_PATH}`,
    writes: () => [...writes],
    close: () => (closing ??= close()),
  };
}

/** The body as text, or `undefined` when it is too long; what is past the limit is read and dropped. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length <= LONGEST_BODY_BYTES) chunks.push(chunk);
  }
  return length <= LONGEST_BODY_BYTES ? Buffer.concat(chunks).toString('utf8') : undefined;
}

function parseBody(body: string): ParsedBody {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { reason: `the body is not JSON: ${oneLine(error instanceof Error ? error.message : String(error))}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { reason: 'the body must be a JSON object with resource, token, key, pod and issuedAt' };
  }
  const { resource, token, key, pod, issuedAt } = value as Record<string, unknown>;
  if (typeof resource !== 'string' || resource === '') return { reason: 'resource must be a non-empty string' };
  if (typeof token !== 'number' || !Number.isSafeInteger(token)) return { reason: 'token must be an integer' };
  if (typeof key !== 'string') return { reason: 'key must be a string' };
  if (typeof pod !== 'string' || pod === '') return { reason: 'pod must be a non-empty string' };
  if (typeof issuedAt !== 'number' || !Number.isFinite(issuedAt)) return { reason: 'issuedAt must be a finite number' };
  return { effect: { resource, token, key, pod, issuedAt } };
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function textReply(status: number, reason: string): Reply {
  return { status, contentType: 'text/plain; charset=utf-8', body: `${reason}\n` };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('expected a TCP address from a TCP listener'));
      else resolve(address.port);
    });
  });
}
