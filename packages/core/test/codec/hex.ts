/**
 * Test vectors are written as hex with spaces and `|` between fields, e.g. `00 03 | 00 00 00 01`, so that
 * they can be checked against the wire format by eye.
 */
export function hex(text: string): Uint8Array {
  const digits = text.replace(/[\s|]/g, '');
  if (!/^(?:[0-9a-f]{2})*$/i.test(digits)) throw new Error(`not a byte string: ${text}`);
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}
