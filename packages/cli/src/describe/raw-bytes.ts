import type { RawBytes } from './group-description.js';

export function rawBytes(bytes: Uint8Array): RawBytes {
  return { length: bytes.byteLength, hex: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex') };
}
