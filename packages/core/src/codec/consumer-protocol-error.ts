import { describeWireFault, type WireFault } from './wire/wire-fault.js';

/**
 * Why a consumer-protocol message could not be read or written.
 *
 * - `truncated`: a fixed-size value (the int16 version, an int16/int32 length or count, an int32 field or
 *   array element) runs past the end of the buffer.
 * - `negative-version`: the int16 version prefix is negative.
 * - `unexpected-null`: a non-nullable string or array has length/count -1, the encoding of null.
 * - `negative-length`: a string length, bytes length or array count is negative and not the null marker -1.
 * - `length-exceeds-buffer`: a string length, bytes length or array count is larger than the bytes left
 *   after it (for arrays the Java reader compares the element count with the byte count, so do we).
 * - `string-too-long`: (encode) a string is longer than 32767 UTF-8 bytes, the int16 length limit.
 * - `not-int32`: (encode) a partition or generation id is not an integer in the int32 range.
 * - `unsupported-version`: (encode) the requested version is not one of 0..3.
 */
export type ConsumerProtocolErrorReason =
  | 'truncated'
  | 'negative-version'
  | 'unexpected-null'
  | 'negative-length'
  | 'length-exceeds-buffer'
  | 'string-too-long'
  | 'not-int32'
  | 'unsupported-version';

/**
 * A Subscription or Assignment that does not follow the consumer-protocol schema: the Java client's
 * SchemaException, with the place of the fault.
 */
export class ConsumerProtocolError extends Error {
  /**
   * The schema path of the bad value, e.g. `Subscription.Topics[2]` or `Assignment.AssignedPartitions[0].Partitions`.
   * On encode the indexes are those of the message as written, after sorting and grouping.
   */
  readonly field: string;
  /** The byte offset where the bad value starts; on encode, where it would have been written. */
  readonly offset: number;
  readonly reason: ConsumerProtocolErrorReason;

  /**
   * `value` names what was found and `problem` says what is wrong with it, so that the message reads
   * `<field>: <value> at byte <offset> <problem>`.
   */
  constructor(field: string, offset: number, reason: ConsumerProtocolErrorReason, value: string, problem: string) {
    super(`${field}: ${value} at byte ${offset} ${problem}`);
    this.name = 'ConsumerProtocolError';
    this.field = field;
    this.offset = offset;
    this.reason = reason;
  }
}

/** The ConsumerProtocolError for a fault of the wire reader or writer: the WireErrorFactory of the codec. */
export function consumerProtocolError(fault: WireFault): ConsumerProtocolError {
  const { found, problem } = describeWireFault(fault);
  return new ConsumerProtocolError(fault.field, fault.offset, fault.reason, found, problem);
}
