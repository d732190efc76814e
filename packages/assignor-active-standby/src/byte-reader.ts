import { ActiveStandbyDataError } from './active-standby-data-error.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads what ByteWriter writes, front to back. Every read checks the bytes left first, so bad bytes fail
 * with an ActiveStandbyDataError naming the field, never with a RangeError.
 */
export class ByteReader {
  private readonly view: DataView;
  private position = 0;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get offset(): number {
    return this.position;
  }

  get remaining(): number {
    return this.bytes.byteLength - this.position;
  }

  int8(field: string): number {
    this.require(1, 'int8', field);
    const value = this.view.getInt8(this.position);
    this.position += 1;
    return value;
  }

  int16(field: string): number {
    this.require(2, 'int16', field);
    const value = this.view.getInt16(this.position);
    this.position += 2;
    return value;
  }

  int32(field: string): number {
    this.require(4, 'int32', field);
    const value = this.view.getInt32(this.position);
    this.position += 4;
    return value;
  }

  nullableString(field: string): string | null {
    const start = this.position;
    const length = this.int16(`${field} length`);
    if (length === -1) return null;
    if (length < 0) throw new ActiveStandbyDataError(`${field} length`, start, `is ${length}, negative`);
    if (length > this.remaining) {
      throw new ActiveStandbyDataError(`${field} length`, start, `is ${length}, more than the ${this.remaining} bytes left`);
    }
    const end = this.position + length;
    let text: string;
    try {
      text = utf8.decode(this.bytes.subarray(this.position, end));
    } catch {
      throw new ActiveStandbyDataError(field, this.position, 'is not valid UTF-8');
    }
    this.position = end;
    return text;
  }

  string(field: string): string {
    const start = this.position;
    const text = this.nullableString(field);
    if (text === null) throw new ActiveStandbyDataError(`${field} length`, start, 'is -1 (null), which this field does not allow');
    return text;
  }

  /** An int32 element count, checked against the bytes left given the smallest size of an element. */
  count(field: string, minElementSize: number): number {
    const start = this.position;
    const count = this.int32(field);
    if (count < 0) throw new ActiveStandbyDataError(field, start, `is ${count}, negative`);
    if (count * minElementSize > this.remaining) {
      throw new ActiveStandbyDataError(field, start, `is ${count}, more elements than the ${this.remaining} bytes left can hold`);
    }
    return count;
  }

  private require(size: number, type: string, field: string): void {
    if (this.remaining < size) {
      throw new ActiveStandbyDataError(field, this.position, `needs ${size} byte${size === 1 ? '' : 's'} for an ${type}, only ${this.remaining} left`);
    }
  }
}
