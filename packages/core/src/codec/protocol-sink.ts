import type { FieldPath } from './field-path.js';

/**
 * Where an encoder puts a message's values, in wire order. Each message is described once, as calls on a
 * sink, and run twice: through a ProtocolSizer, which validates the values and adds up the exact size,
 * then through a ProtocolWriter into a buffer of that size.
 */
export interface ProtocolSink {
  int16(value: number): void;
  int32(value: number, field: FieldPath, index?: number, innerIndex?: number): void;
  string(text: string, field: FieldPath, index?: number, innerIndex?: number): void;
  nullableString(text: string | null, field: FieldPath): void;
  nullableBytes(bytes: Uint8Array | null): void;
  arrayCount(count: number): void;
  /** A `[]int32`: its count, then its values; `index` is the position of the enclosing entry. */
  int32Array(values: readonly number[], elementField: FieldPath, index: number): void;
}
