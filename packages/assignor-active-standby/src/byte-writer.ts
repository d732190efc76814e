const utf8 = new TextEncoder();

/** Writes the classic Kafka encoding, big-endian: int8, int16, int32, and strings with an int16 length (-1 for null). */
export class ByteWriter {
  private readonly bytes: number[] = [];

  int8(value: number): this {
    this.bytes.push(value & 0xff);
    return this;
  }

  int16(value: number): this {
    this.bytes.push((value >> 8) & 0xff, value & 0xff);
    return this;
  }

  int32(value: number): this {
    this.bytes.push((value >> 24) & 0xff, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
    return this;
  }

  /** Callers keep strings within the int16 length (32767 UTF-8 bytes): names are validated, ids and topics come from Kafka. */
  nullableString(value: string | null): this {
    if (value === null) return this.int16(-1);
    const encoded = utf8.encode(value);
    this.int16(encoded.length);
    for (const byte of encoded) this.bytes.push(byte);
    return this;
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}
