import { connect } from 'node:net';

/** The API key of ConsumerGroupHeartbeat: a broker that lists it takes KIP-848 consumer-protocol members. */
export const CONSUMER_GROUP_HEARTBEAT_API_KEY = 68;

const API_VERSIONS_API_KEY = 18;
const TIMEOUT_MS = 10_000;

/**
 * The API keys a broker serves, with their version ranges, from an ApiVersions request of version 0 (which
 * every broker answers, whatever it supports). A broker of the classic protocol only (3.9 by default) does not
 * list ConsumerGroupHeartbeat.
 */
export function apiVersions(address: string): Promise<Map<number, { readonly min: number; readonly max: number }>> {
  const [host = '', port = ''] = splitAddress(address);
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port: Number(port) });
    const chunks: Buffer[] = [];
    socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error(`${address} did not answer ApiVersions within ${TIMEOUT_MS} ms`)));
    socket.on('error', reject);
    socket.on('connect', () => socket.write(apiVersionsRequest('local-kafka')));
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      const received = Buffer.concat(chunks);
      if (received.length < 4 || received.length < 4 + received.readInt32BE(0)) return;
      socket.end();
      try {
        resolve(readApiVersions(received.subarray(4, 4 + received.readInt32BE(0)), address));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

function splitAddress(address: string): [string, string] {
  const at = address.lastIndexOf(':');
  return [address.slice(0, at), address.slice(at + 1)];
}

function apiVersionsRequest(clientId: string): Buffer {
  const id = Buffer.from(clientId, 'utf8');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + id.length);
  body.writeInt16BE(API_VERSIONS_API_KEY, 0);
  body.writeInt16BE(0, 2); // version
  body.writeInt32BE(1, 4); // correlation id
  body.writeInt16BE(id.length, 8);
  id.copy(body, 10);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

function readApiVersions(response: Buffer, address: string): Map<number, { min: number; max: number }> {
  // correlation id (4), error code (2), then an array of (api key, min version, max version), int16 each.
  const errorCode = response.readInt16BE(4);
  if (errorCode !== 0) throw new Error(`${address} answered ApiVersions with error code ${errorCode}`);
  const count = response.readInt32BE(6);
  const versions = new Map<number, { min: number; max: number }>();
  for (let index = 0, offset = 10; index < count; index += 1, offset += 6) {
    versions.set(response.readInt16BE(offset), { min: response.readInt16BE(offset + 2), max: response.readInt16BE(offset + 4) });
  }
  return versions;
}
