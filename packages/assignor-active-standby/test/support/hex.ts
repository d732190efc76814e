export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** Bytes from hex written with spaces between fields, for readable vectors. */
export function bytes(spacedHex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(spacedHex.replace(/\s+/g, ''), 'hex'));
}
