import { ConsumerProtocolError } from './consumer-protocol-error.js';
import type { FieldPath } from './field-path.js';
import type { ProtocolSink } from './protocol-sink.js';
import { utf8ByteLength } from './utf8.js';

const MAX_STRING_BYTES = 0x7fff;

function isInt32(value: number): boolean {
  return (value | 0) === value;
}

/**
 * Adds up the encoded size of a message and rejects the values the wire cannot carry. Validation happens
 * here, before anything is written, and `size` is at every step the offset the next value will have, so
 * errors can say where the bad value would have gone.
 */
export class ProtocolSizer implements ProtocolSink {
  size = 0;

  int16(): void {
    this.size += 2;
  }

  int32(value: number, field: FieldPath, index = 0, innerIndex = 0): void {
    this.checkInt32(value, field, index, innerIndex);
    this.size += 4;
  }

  string(text: string, field: FieldPath, index = 0, innerIndex = 0): void {
    const length = utf8ByteLength(text);
    if (length > MAX_STRING_BYTES) {
      throw new ConsumerProtocolError(
        field(index, innerIndex),
        this.size,
        'string-too-long',
        `string of ${length} UTF-8 bytes`,
        `exceeds the limit of ${MAX_STRING_BYTES} bytes`,
      );
    }
    this.size += 2 + length;
  }

  nullableString(text: string | null, field: FieldPath): void {
    if (text === null) this.size += 2;
    else this.string(text, field);
  }

  nullableBytes(bytes: Uint8Array | null): void {
    this.size += 4 + (bytes === null ? 0 : bytes.length);
  }

  arrayCount(): void {
    this.size += 4;
  }

  int32Array(values: readonly number[], elementField: FieldPath, index: number): void {
    this.size += 4;
    for (let i = 0; i < values.length; i++) this.checkInt32(values[i]!, elementField, index, i, this.size + i * 4);
    this.size += values.length * 4;
  }

  private checkInt32(value: number, field: FieldPath, index: number, innerIndex: number, offset = this.size): void {
    if (!isInt32(value)) {
      throw new ConsumerProtocolError(field(index, innerIndex), offset, 'not-int32', `value ${String(value)}`, 'is not an int32');
    }
  }
}
