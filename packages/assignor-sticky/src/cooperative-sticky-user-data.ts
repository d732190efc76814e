import { WireFormatError, WireReader, WireWriter, type FieldPath } from '@kafka-assignors/core/internal';

/**
 * The user data of the `cooperative-sticky` protocol, as the Java client's CooperativeStickyAssignor writes it:
 * exactly four bytes, the int32 generation of the member's last rebalance (-1 before the first). Leaders read
 * it only when the subscription carries no generation (consumer-protocol v0 and v1).
 */

/** What Java reads from user data too short to hold a generation. */
const UNREADABLE_GENERATION = -1;
const GENERATION: FieldPath = () => 'generation';

export function encodeCooperativeStickyUserData(generation: number): Uint8Array {
  const writer = new WireWriter();
  writer.int32(generation, GENERATION);
  return writer.finish();
}

/** The generation, as Java reads it: null for no user data, -1 for fewer than four bytes; later bytes are ignored. */
export function decodeCooperativeStickyUserData(bytes: Uint8Array | null): number | null {
  if (bytes === null) return null;
  try {
    return new WireReader(bytes).readInt32(GENERATION);
  } catch (error) {
    if (error instanceof WireFormatError) return UNREADABLE_GENERATION;
    throw error;
  }
}
