import type { FieldPath } from './field-path.js';
import { MAX_UTF8_BYTES_PER_CODE_UNIT, writeUtf8 } from './utf8.js';
import type { WireErrorFactory } from './wire-fault.js';
import { wireFormatError } from './wire-format-error.js';

const MAX_STRING_BYTES = 0x7fff;
const INITIAL_CAPACITY = 1024;
const NULL_LENGTH = -1;

function isInt32(value: number): boolean {
  return (value | 0) === value;
}

/** For the int8 and int16 values, which the formats compute themselves (versions, flags, codes): one out of range is a bug. */
function checkSmallInteger(value: number, integer: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${String(value)} is not an ${integer}`);
}

/**
 * Writes the classic Kafka encoding (see WireReader) in wire order in one pass, checking each value as it
 * goes: a value the wire cannot carry throws the error `toError` builds, naming its field and the offset it
 * would have had. Writes go to a scratch buffer shared by all writers (encoding is synchronous, so one
 * message is written at a time), grown as needed; `finish` copies out the bytes written. One pass over the
 * values, with no size pass, because encoding strings twice cost more than the copy.
 */
export class WireWriter {
  private static scratch = new Uint8Array(INITIAL_CAPACITY);
  private static scratchView = new DataView(WireWriter.scratch.buffer);
  private bytes = WireWriter.scratch;
  private view = WireWriter.scratchView;
  private offset = 0;

  constructor(private readonly toError: WireErrorFactory = wireFormatError) {}

  /** The bytes written, in an array of their own. */
  finish(): Uint8Array {
    return this.bytes.slice(0, this.offset);
  }

  int8(value: number): void {
    checkSmallInteger(value, 'int8', -0x80, 0x7f);
    this.reserve(1);
    this.view.setInt8(this.offset, value);
    this.offset += 1;
  }

  int16(value: number): void {
    checkSmallInteger(value, 'int16', -0x8000, 0x7fff);
    this.reserve(2);
    this.view.setInt16(this.offset, value);
    this.offset += 2;
  }

  int32(value: number, field: FieldPath, index = 0, innerIndex = 0): void {
    this.checkInt32(value, field, index, innerIndex, this.offset);
    this.reserve(4);
    this.view.setInt32(this.offset, value);
    this.offset += 4;
  }

  string(text: string, field: FieldPath, index = 0, innerIndex = 0): void {
    this.reserve(2 + text.length * MAX_UTF8_BYTES_PER_CODE_UNIT);
    // The length prefix is filled in after the text: this encodes the text once, straight into the output.
    const start = this.offset + 2;
    const end = writeUtf8(text, this.bytes, start);
    const length = end - start;
    if (length > MAX_STRING_BYTES) {
      throw this.toError({ reason: 'string-too-long', field: field(index, innerIndex), offset: this.offset, length, limit: MAX_STRING_BYTES });
    }
    this.view.setInt16(this.offset, length);
    this.offset = end;
  }

  nullableString(text: string | null, field: FieldPath, index = 0, innerIndex = 0): void {
    if (text === null) this.int16(NULL_LENGTH);
    else this.string(text, field, index, innerIndex);
  }

  nullableBytes(bytes: Uint8Array | null): void {
    if (bytes === null) {
      this.reserve(4);
      this.view.setInt32(this.offset, NULL_LENGTH);
      this.offset += 4;
      return;
    }
    this.reserve(4 + bytes.length);
    this.view.setInt32(this.offset, bytes.length);
    this.bytes.set(bytes, this.offset + 4);
    this.offset += 4 + bytes.length;
  }

  arrayCount(count: number): void {
    this.reserve(4);
    this.view.setInt32(this.offset, count);
    this.offset += 4;
  }

  /** A `[]int32`: its count, then its values; `index` is the position of the enclosing entry. */
  int32Array(values: readonly number[], elementField: FieldPath, index = 0): void {
    this.reserve(4 + values.length * 4);
    this.view.setInt32(this.offset, values.length);
    let at = this.offset + 4;
    for (let i = 0; i < values.length; i++, at += 4) {
      const value = values[i]!;
      this.checkInt32(value, elementField, index, i, at);
      this.view.setInt32(at, value);
    }
    this.offset = at;
  }

  private checkInt32(value: number, field: FieldPath, index: number, innerIndex: number, offset: number): void {
    if (!isInt32(value)) throw this.toError({ reason: 'not-int32', field: field(index, innerIndex), offset, value });
  }

  private reserve(byteCount: number): void {
    const needed = this.offset + byteCount;
    if (needed <= this.bytes.length) return;
    let capacity = this.bytes.length * 2;
    while (capacity < needed) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.bytes.subarray(0, this.offset));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
    WireWriter.scratch = grown;
    WireWriter.scratchView = this.view;
  }
}
