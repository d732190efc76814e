import { ConsumerProtocolError } from './consumer-protocol-error.js';
import type { FieldPath } from './wire/field-path.js';
import type { WireReader } from './wire/wire-reader.js';

/**
 * Subscription and Assignment share one version range (the Java client insists on it). Decoders read any
 * version >= 0, a version above the highest as the highest: later versions may only append fields.
 */
export const LOWEST_VERSION = 0;
export const HIGHEST_VERSION = 3;

export function checkWritableVersion(version: number, field: FieldPath): void {
  if (!Number.isInteger(version) || version < LOWEST_VERSION || version > HIGHEST_VERSION) {
    throw new ConsumerProtocolError(
      field(0, 0),
      0,
      'unsupported-version',
      `version ${String(version)}`,
      `is not one of the versions this codec writes, ${LOWEST_VERSION} to ${HIGHEST_VERSION}`,
    );
  }
}

/** The int16 version prefix of a message; negative versions are rejected, future ones returned as they are. */
export function readVersion(reader: WireReader, field: FieldPath): number {
  const start = reader.offset;
  const version = reader.readVersion(field);
  if (version < 0) throw new ConsumerProtocolError(field(0, 0), start, 'negative-version', `version ${version}`, 'is negative');
  return version;
}
