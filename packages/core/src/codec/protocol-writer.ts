import { ConsumerProtocolError } from './consumer-protocol-error.js';
import type { FieldPath } from './field-path.js';
import { writeUtf8 } from './utf8.js';

const MAX_STRING_BYTES = 0x7fff;
const INITIAL_CAPACITY = 1024;
/** The most bytes one UTF-16 code unit can take in UTF-8 (a surrogate pair takes 4 for 2 units). */
const MAX_UTF8_BYTES_PER_CODE_UNIT = 3;

function isInt32(value: number): boolean {
  return (value | 0) === value;
}

/**
 * Writes a message's values in wire order in one pass, checking each value as it goes: a value the wire
 * cannot carry throws a ConsumerProtocolError naming its field and the offset it would have had. Writes go
 * to a scratch buffer shared by all writers (encoding is synchronous, so one message is written at a time),
 * grown as needed; `finish` copies out the bytes written. One pass over the values, with no size pass,
 * because encoding strings twice cost more than the copy.
 */
export class ProtocolWriter {
  private static scratch = new Uint8Array(INITIAL_CAPACITY);
  private bytes = ProtocolWriter.scratch;
  private view = new DataView(this.bytes.buffer);
  private offset = 0;

  finish(): Uint8Array {
    return this.bytes.slice(0, this.offset);
  }

  int16(value: number): void {
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
      throw new ConsumerProtocolError(
        field(index, innerIndex),
        this.offset,
        'string-too-long',
        `string of ${length} UTF-8 bytes`,
        `exceeds the limit of ${MAX_STRING_BYTES} bytes`,
      );
    }
    this.view.setInt16(this.offset, length);
    this.offset = end;
  }

  nullableString(text: string | null, field: FieldPath): void {
    if (text === null) this.int16(-1);
    else this.string(text, field);
  }

  nullableBytes(bytes: Uint8Array | null): void {
    if (bytes === null) {
      this.reserve(4);
      this.view.setInt32(this.offset, -1);
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
  int32Array(values: readonly number[], elementField: FieldPath, index: number): void {
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
    if (!isInt32(value)) {
      throw new ConsumerProtocolError(field(index, innerIndex), offset, 'not-int32', `value ${String(value)}`, 'is not an int32');
    }
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
    ProtocolWriter.scratch = grown;
  }
}
