import type { ProtocolSink } from './protocol-sink.js';
import { writeUtf8 } from './utf8.js';

/**
 * Writes a message into a buffer of the size a ProtocolSizer measured for it. The sizer has already
 * validated every value, so nothing is checked here.
 */
export class ProtocolWriter implements ProtocolSink {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  private offset = 0;

  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }

  int16(value: number): void {
    this.view.setInt16(this.offset, value);
    this.offset += 2;
  }

  int32(value: number): void {
    this.view.setInt32(this.offset, value);
    this.offset += 4;
  }

  string(text: string): void {
    // The length prefix is filled in after the text: this encodes the text once, straight into the output.
    const start = this.offset + 2;
    const end = writeUtf8(text, this.bytes, start);
    this.view.setInt16(this.offset, end - start);
    this.offset = end;
  }

  nullableString(text: string | null): void {
    if (text === null) this.int16(-1);
    else this.string(text);
  }

  nullableBytes(bytes: Uint8Array | null): void {
    if (bytes === null) {
      this.int32(-1);
      return;
    }
    this.int32(bytes.length);
    this.bytes.set(bytes, this.offset);
    this.offset += bytes.length;
  }

  arrayCount(count: number): void {
    this.int32(count);
  }

  int32Array(values: readonly number[]): void {
    this.int32(values.length);
    let at = this.offset;
    for (let i = 0; i < values.length; i++, at += 4) this.view.setInt32(at, values[i]!);
    this.offset = at;
  }
}
