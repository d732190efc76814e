import { ConsumerProtocolError } from './consumer-protocol-error.js';
import type { FieldPath } from './field-path.js';
import { readUtf8 } from './utf8.js';

const NULL_LENGTH = -1;

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/**
 * Reads the classic (non-flexible) Kafka encoding front to back: big-endian int16/int32, int16-length
 * strings, int32-length bytes, int32-count arrays. Every read checks the bytes left first, so a malformed
 * message fails with a ConsumerProtocolError naming the field instead of a RangeError from the DataView.
 */
export class ProtocolReader {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private offset = 0;

  constructor(bytes: Uint8Array) {
    // A plain Uint8Array view of the same memory: a Buffer's `slice` would return a view, not a copy, and
    // a KafkaJS Buffer is often a piece of a larger pooled ArrayBuffer, hence the byteOffset.
    this.bytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private remaining(): number {
    return this.bytes.length - this.offset;
  }

  private requireFixed(size: number, type: string, field: FieldPath, index: number, innerIndex: number): void {
    const left = this.remaining();
    if (left < size) {
      throw new ConsumerProtocolError(
        field(index, innerIndex),
        this.offset,
        'truncated',
        type,
        `needs ${plural(size, 'byte')} but only ${plural(left, 'byte')} ${left === 1 ? 'is' : 'are'} left`,
      );
    }
  }

  /** The int16 version prefix of a message; negative versions are rejected, future ones returned as they are. */
  readVersion(field: FieldPath): number {
    this.requireFixed(2, 'int16 version', field, 0, 0);
    const start = this.offset;
    const version = this.readInt16Unchecked();
    if (version < 0) {
      throw new ConsumerProtocolError(field(0, 0), start, 'negative-version', `version ${version}`, 'is negative');
    }
    return version;
  }

  readInt32(field: FieldPath, index = 0, innerIndex = 0): number {
    this.requireFixed(4, 'int32', field, index, innerIndex);
    return this.readInt32Unchecked();
  }

  /** A non-nullable string. */
  readString(field: FieldPath, index = 0, innerIndex = 0): string {
    // Never null: with nullable false, the null marker throws.
    return this.readStringOrNull(false, field, index, innerIndex) as string;
  }

  readNullableString(field: FieldPath, index = 0, innerIndex = 0): string | null {
    return this.readStringOrNull(true, field, index, innerIndex);
  }

  /** Nullable bytes, copied so that the result does not keep (or see changes to) the caller's buffer. */
  readNullableBytes(field: FieldPath, index = 0, innerIndex = 0): Uint8Array | null {
    this.requireFixed(4, 'int32 bytes length', field, index, innerIndex);
    const start = this.offset;
    const length = this.readInt32Unchecked();
    if (!this.checkLength(length, 'bytes length', true, start, field, index, innerIndex)) return null;
    const end = this.offset + length;
    const copy = this.bytes.slice(this.offset, end);
    this.offset = end;
    return copy;
  }

  /** The element count of a non-nullable array. */
  readArrayCount(field: FieldPath, index = 0, innerIndex = 0): number {
    this.requireFixed(4, 'int32 array count', field, index, innerIndex);
    const start = this.offset;
    const count = this.readInt32Unchecked();
    this.checkLength(count, 'array count', false, start, field, index, innerIndex);
    return count;
  }

  /**
   * A non-nullable `[]int32`. `arrayField` names the array (for a bad count), `elementField` its elements
   * (for one cut off by the end of the buffer); `index` is the position of the enclosing entry.
   */
  readInt32Array(arrayField: FieldPath, elementField: FieldPath, index: number): number[] {
    const count = this.readArrayCount(arrayField, index);
    const left = this.remaining();
    if (count * 4 > left) {
      // Point at the first element that does not fit, as reading them one by one would.
      const firstCut = Math.floor(left / 4);
      this.offset += firstCut * 4;
      this.requireFixed(4, 'int32', elementField, index, firstCut);
    }
    // Sized up front (the count was checked against the bytes left): several times faster than push.
    const values = new Array<number>(count);
    let at = this.offset;
    for (let i = 0; i < count; i++, at += 4) values[i] = this.view.getInt32(at);
    this.offset = at;
    return values;
  }

  private readStringOrNull(nullable: boolean, field: FieldPath, index: number, innerIndex: number): string | null {
    this.requireFixed(2, 'int16 string length', field, index, innerIndex);
    const start = this.offset;
    const length = this.readInt16Unchecked();
    if (!this.checkLength(length, 'string length', nullable, start, field, index, innerIndex)) return null;
    const end = this.offset + length;
    const text = readUtf8(this.bytes, this.offset, end);
    this.offset = end;
    return text;
  }

  /**
   * Validates a length or count just read from `start`; returns false for the null marker of a nullable
   * value. Counts are compared with the bytes left, as the Java reader does, before anything is allocated.
   */
  private checkLength(
    length: number,
    kind: string,
    nullable: boolean,
    start: number,
    field: FieldPath,
    index: number,
    innerIndex: number,
  ): boolean {
    if (length === NULL_LENGTH) {
      if (nullable) return false;
      throw new ConsumerProtocolError(field(index, innerIndex), start, 'unexpected-null', `${kind} -1 (null)`, 'is not allowed: the field is not nullable');
    }
    if (length < 0) {
      throw new ConsumerProtocolError(field(index, innerIndex), start, 'negative-length', `${kind} ${length}`, 'is negative');
    }
    const left = this.remaining();
    if (length > left) {
      throw new ConsumerProtocolError(field(index, innerIndex), start, 'length-exceeds-buffer', `${kind} ${length}`, `exceeds the ${plural(left, 'byte')} left`);
    }
    return true;
  }

  private readInt16Unchecked(): number {
    const value = this.view.getInt16(this.offset);
    this.offset += 2;
    return value;
  }

  private readInt32Unchecked(): number {
    const value = this.view.getInt32(this.offset);
    this.offset += 4;
    return value;
  }
}
