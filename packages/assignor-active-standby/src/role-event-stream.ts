import type { ServerResponse } from 'node:http';

/**
 * The open `/events` streams (server-sent events): each gets every event written to the set, and a comment
 * every keep-alive interval so that proxies do not drop an idle stream. A stream leaves the set when its client goes.
 */
export class RoleEventStreams {
  private readonly streams = new Map<ServerResponse, NodeJS.Timeout>();

  constructor(private readonly keepAliveIntervalMs: number) {}

  open(response: ServerResponse, firstEvent: string, data: unknown): void {
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    response.write(eventText(firstEvent, data));
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), this.keepAliveIntervalMs);
    this.streams.set(response, keepAlive);
    response.on('close', () => this.forget(response));
  }

  send(event: string, data: unknown): void {
    const text = eventText(event, data);
    for (const response of this.streams.keys()) response.write(text);
  }

  endAll(): void {
    for (const response of [...this.streams.keys()]) {
      this.forget(response);
      response.end();
    }
  }

  private forget(response: ServerResponse): void {
    clearInterval(this.streams.get(response));
    this.streams.delete(response);
  }
}

function eventText(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
