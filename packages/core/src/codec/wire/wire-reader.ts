import type { FieldPath } from './field-path.js';
import { readUtf8 } from './utf8.js';
import type { WireErrorFactory, WireInteger, WireLengthRole } from './wire-fault.js';
import { wireFormatError } from './wire-format-error.js';

const NULL_LENGTH = -1;
const INT32_BYTES = 4;

/**
 * Reads the classic (non-flexible) Kafka encoding front to back: big-endian int8/int16/int32, int16-length
 * strings, int32-length bytes, int32-count arrays. Every read checks the bytes left first, so malformed bytes
 * fail with the error `toError` builds, naming the field and the byte, never with a RangeError from the
 * DataView. Fields are FieldPaths: their names are built only when something is wrong.
 */
export class WireReader {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private readonly toError: WireErrorFactory;
  private position = 0;

  constructor(bytes: Uint8Array, toError: WireErrorFactory = wireFormatError) {
    // A plain Uint8Array view of the same memory: a Buffer's `slice` would return a view, not a copy, and
    // a KafkaJS Buffer is often a piece of a larger pooled ArrayBuffer, hence the byteOffset.
    this.bytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.toError = toError;
  }

  /** Where the next read starts. */
  get offset(): number {
    return this.position;
  }

  get remaining(): number {
    return this.bytes.length - this.position;
  }

  /** The int16 version in front of a message, as it is: each format decides which versions it takes. */
  readVersion(field: FieldPath): number {
    this.requireFixed(2, 'int16', 'version', field, 0, 0);
    return this.readInt16Unchecked();
  }

  readInt8(field: FieldPath, index = 0, innerIndex = 0): number {
    this.requireFixed(1, 'int8', null, field, index, innerIndex);
    const value = this.view.getInt8(this.position);
    this.position += 1;
    return value;
  }

  readInt32(field: FieldPath, index = 0, innerIndex = 0): number {
    this.requireFixed(INT32_BYTES, 'int32', null, field, index, innerIndex);
    return this.readInt32Unchecked();
  }

  /** A non-nullable string. */
  readString(field: FieldPath, index = 0, innerIndex = 0): string {
    const end = this.stringEnd(false, field, index, innerIndex);
    const text = readUtf8(this.bytes, this.position, end);
    this.position = end;
    return text;
  }

  readNullableString(field: FieldPath, index = 0, innerIndex = 0): string | null {
    const end = this.stringEnd(true, field, index, innerIndex);
    if (end === NULL_LENGTH) return null;
    const text = readUtf8(this.bytes, this.position, end);
    this.position = end;
    return text;
  }

  /**
   * Checks and passes over a non-nullable string without decoding it, for readers that match names as bytes.
   * Returns where its UTF-8 bytes start; they end at the new `offset`.
   */
  skipString(field: FieldPath, index = 0, innerIndex = 0): number {
    const end = this.stringEnd(false, field, index, innerIndex);
    const start = this.position;
    this.position = end;
    return start;
  }

  /** Nullable bytes, copied so that the result does not keep (or see changes to) the caller's buffer. */
  readNullableBytes(field: FieldPath, index = 0, innerIndex = 0): Uint8Array | null {
    this.requireFixed(INT32_BYTES, 'int32', 'bytes length', field, index, innerIndex);
    const start = this.position;
    const length = this.readInt32Unchecked();
    if (!this.checkLength(length, 'bytes length', true, start, field, index, innerIndex)) return null;
    const end = this.position + length;
    const copy = this.bytes.slice(this.position, end);
    this.position = end;
    return copy;
  }

  /** The element count of a non-nullable array. */
  readArrayCount(field: FieldPath, index = 0, innerIndex = 0): number {
    this.requireFixed(INT32_BYTES, 'int32', 'array count', field, index, innerIndex);
    const start = this.position;
    const count = this.readInt32Unchecked();
    this.checkLength(count, 'array count', false, start, field, index, innerIndex);
    return count;
  }

  /**
   * A non-nullable `[]int32`. `arrayField` names the array (for a bad count), `elementField` its elements
   * (for one cut off by the end of the bytes); `index` is the position of the enclosing entry.
   */
  readInt32Array(arrayField: FieldPath, elementField: FieldPath, index = 0): number[] {
    const count = this.int32ArrayCount(arrayField, elementField, index);
    // Sized up front (the count was checked against the bytes left): several times faster than push.
    const values = new Array<number>(count);
    let at = this.position;
    for (let i = 0; i < count; i++, at += INT32_BYTES) values[i] = this.view.getInt32(at);
    this.position = at;
    return values;
  }

  /**
   * Checks and passes over a non-nullable `[]int32` (fields as for `readInt32Array`) without reading its
   * values, and returns its element count: the elements are the `count * 4` bytes before the new `offset`.
   */
  skipInt32Array(arrayField: FieldPath, elementField: FieldPath, index = 0): number {
    const count = this.int32ArrayCount(arrayField, elementField, index);
    this.position += count * INT32_BYTES;
    return count;
  }

  /** Reads the count of a `[]int32` and checks that its elements fit in the bytes left. */
  private int32ArrayCount(arrayField: FieldPath, elementField: FieldPath, index: number): number {
    const count = this.readArrayCount(arrayField, index);
    const left = this.remaining;
    if (count * INT32_BYTES > left) {
      // Point at the first element that does not fit, as reading them one by one would.
      const firstCut = Math.floor(left / INT32_BYTES);
      this.position += firstCut * INT32_BYTES;
      this.requireFixed(INT32_BYTES, 'int32', null, elementField, index, firstCut);
    }
    return count;
  }

  /**
   * Reads a string's int16 length, checks it, and returns where the string ends; NULL_LENGTH for the null of
   * a nullable string. The string's bytes start at the new position.
   */
  private stringEnd(nullable: boolean, field: FieldPath, index: number, innerIndex: number): number {
    this.requireFixed(2, 'int16', 'string length', field, index, innerIndex);
    const start = this.position;
    const length = this.readInt16Unchecked();
    if (!this.checkLength(length, 'string length', nullable, start, field, index, innerIndex)) return NULL_LENGTH;
    return this.position + length;
  }

  private requireFixed(
    needed: number,
    integer: WireInteger,
    role: 'version' | WireLengthRole | null,
    field: FieldPath,
    index: number,
    innerIndex: number,
  ): void {
    if (this.remaining < needed) this.failTruncated(needed, integer, role, field, index, innerIndex);
  }

  /**
   * Validates a length or count just read from `start`; returns false for the null marker of a nullable
   * value. Counts are compared with the bytes left, as the Java reader does, before anything is allocated.
   */
  private checkLength(
    length: number,
    role: WireLengthRole,
    nullable: boolean,
    start: number,
    field: FieldPath,
    index: number,
    innerIndex: number,
  ): boolean {
    if (length === NULL_LENGTH && nullable) return false;
    if (length < 0 || length > this.remaining) this.failLength(length, role, start, field, index, innerIndex);
    return true;
  }

  // The failures are methods of their own so that the checks above stay small enough to be inlined.

  private failTruncated(
    needed: number,
    integer: WireInteger,
    role: 'version' | WireLengthRole | null,
    field: FieldPath,
    index: number,
    innerIndex: number,
  ): never {
    throw this.toError({ reason: 'truncated', field: field(index, innerIndex), offset: this.position, integer, role, needed, left: this.remaining });
  }

  private failLength(length: number, role: WireLengthRole, start: number, field: FieldPath, index: number, innerIndex: number): never {
    const at = { field: field(index, innerIndex), offset: start };
    if (length === NULL_LENGTH) throw this.toError({ reason: 'unexpected-null', ...at, role });
    if (length < 0) throw this.toError({ reason: 'negative-length', ...at, role, length });
    throw this.toError({ reason: 'length-exceeds-buffer', ...at, role, length, left: this.remaining });
  }

  private readInt16Unchecked(): number {
    const value = this.view.getInt16(this.position);
    this.position += 2;
    return value;
  }

  private readInt32Unchecked(): number {
    const value = this.view.getInt32(this.position);
    this.position += INT32_BYTES;
    return value;
  }
}
