/**
 * The user data of the `cooperative-sticky` protocol, as the Java client's CooperativeStickyAssignor writes it:
 * exactly four bytes, the int32 generation of the member's last rebalance (-1 before the first). Leaders read
 * it only when the subscription carries no generation (consumer-protocol v0 and v1).
 */

const GENERATION_BYTES = 4;
/** What Java reads from user data too short to hold a generation. */
const UNREADABLE_GENERATION = -1;

export function encodeCooperativeStickyUserData(generation: number): Uint8Array {
  const bytes = new Uint8Array(GENERATION_BYTES);
  new DataView(bytes.buffer).setInt32(0, generation);
  return bytes;
}

/** The generation, as Java reads it: null for no user data, -1 for fewer than four bytes; later bytes are ignored. */
export function decodeCooperativeStickyUserData(bytes: Uint8Array | null): number | null {
  if (bytes === null) return null;
  if (bytes.byteLength < GENERATION_BYTES) return UNREADABLE_GENERATION;
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(0);
}
