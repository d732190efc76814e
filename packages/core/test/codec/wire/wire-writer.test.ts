import { describe, expect, it } from 'vitest';
import { WireFormatError, WireReader, WireWriter, type FieldPath, type WireFault } from '../../../src/codec/wire/index.js';
import { hex, toHex } from '../hex.js';

const FIELD: FieldPath = (index, innerIndex) => `Thing[${index}].Part[${innerIndex}]`;

function written(write: (writer: WireWriter) => void): string {
  const writer = new WireWriter();
  write(writer);
  return toHex(writer.finish());
}

function errorOf(write: (writer: WireWriter) => void): WireFormatError {
  try {
    write(new WireWriter());
  } catch (error) {
    if (error instanceof WireFormatError) return error;
    throw error;
  }
  throw new Error('expected a WireFormatError, but the value was written');
}

describe('WireWriter', () => {
  describe('writes every primitive over its whole range, big-endian', () => {
    it.each([
      [0, '00'],
      [127, '7f'],
      [-128, '80'],
      [-1, 'ff'],
    ])('int8 %i', (value, bytes) => {
      expect(written((w) => w.int8(value))).toBe(bytes);
    });

    it.each([
      [3, '00 03'],
      [32767, '7f ff'],
      [-32768, '80 00'],
      [-1, 'ff ff'],
    ])('int16 %i', (value, bytes) => {
      expect(written((w) => w.int16(value))).toBe(bytes);
    });

    it.each([
      [0x01020304, '01 02 03 04'],
      [2147483647, '7f ff ff ff'],
      [-2147483648, '80 00 00 00'],
      [-1, 'ff ff ff ff'],
    ])('int32 %i', (value, bytes) => {
      expect(written((w) => w.int32(value, FIELD))).toBe(bytes);
    });

    it('strings with their int16 UTF-8 length, null as -1', () => {
      expect(written((w) => w.string('', FIELD))).toBe('00 00');
      expect(written((w) => w.string('añ\ud800', FIELD))).toBe('00 04 61 c3 b1 3f');
      expect(written((w) => w.nullableString(null, FIELD))).toBe('ff ff');
      expect(written((w) => w.nullableString('a', FIELD))).toBe('00 01 61');
    });

    it('bytes with their int32 length, null as -1', () => {
      expect(written((w) => w.nullableBytes(null))).toBe('ff ff ff ff');
      expect(written((w) => w.nullableBytes(new Uint8Array(0)))).toBe('00 00 00 00');
      expect(written((w) => w.nullableBytes(Uint8Array.of(1, 2)))).toBe('00 00 00 02 01 02');
    });

    it('array counts and int32 arrays', () => {
      expect(written((w) => w.arrayCount(2))).toBe('00 00 00 02');
      expect(written((w) => w.int32Array([], FIELD))).toBe('00 00 00 00');
      expect(written((w) => w.int32Array([0, -1, 2147483647], FIELD))).toBe('00 00 00 03 00 00 00 00 ff ff ff ff 7f ff ff ff');
    });
  });

  it('writes a string of exactly 32767 UTF-8 bytes, an unpaired surrogate counting as the one byte of ?', () => {
    const bytes = new WireWriter();
    bytes.string('\ud800'.repeat(0x7fff), FIELD);
    const encoded = bytes.finish();
    expect(encoded.length).toBe(2 + 0x7fff);
    expect(new WireReader(encoded).readString(FIELD)).toBe('?'.repeat(0x7fff));
  });

  it('grows past its first buffer, and each result is a copy of its own', () => {
    const values = Array.from({ length: 100_000 }, (_, index) => index);
    const first = new WireWriter();
    first.int32Array(values, FIELD);
    const large = first.finish();
    const second = new WireWriter();
    second.int32(7, FIELD);
    expect(toHex(second.finish())).toBe('00 00 00 07');
    expect(new WireReader(large).readInt32Array(FIELD, FIELD)).toEqual(values);
  });

  it.each([128, -129, 1.5, Number.NaN])('refuses the int8 %s: versions, flags and codes out of range are bugs', (value) => {
    expect(() => new WireWriter().int8(value)).toThrow(RangeError);
  });

  it.each([32768, -32769, 0.5])('refuses the int16 %s', (value) => {
    expect(() => new WireWriter().int16(value)).toThrow(RangeError);
  });

  it.each([2147483648, -2147483649, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses the int32 %s, naming the field and the byte', (value) => {
    const error = errorOf((w) => {
      w.int16(1);
      w.int32(value, FIELD, 3);
    });
    expect({ field: error.field, offset: error.offset, reason: error.reason }).toEqual({ field: 'Thing[3].Part[0]', offset: 2, reason: 'not-int32' });
    expect(error.message).toBe(`Thing[3].Part[0]: value ${String(value)} at byte 2 is not an int32`);
  });

  it('refuses an int32 array element, naming its position and byte', () => {
    const error = errorOf((w) => w.int32Array([1, 2, 2 ** 31], FIELD, 5));
    expect({ field: error.field, offset: error.offset, reason: error.reason }).toEqual({ field: 'Thing[5].Part[2]', offset: 12, reason: 'not-int32' });
  });

  it('refuses a string of more than 32767 UTF-8 bytes, counted as Java writes them', () => {
    // 10923 euro signs are 32769 bytes, though only 10923 UTF-16 code units.
    const error = errorOf((w) => {
      w.int8(0);
      w.string('€'.repeat(10923), FIELD, 1, 2);
    });
    expect({ field: error.field, offset: error.offset, reason: error.reason }).toEqual({ field: 'Thing[1].Part[2]', offset: 1, reason: 'string-too-long' });
    expect(error.message).toBe('Thing[1].Part[2]: string of 32769 UTF-8 bytes at byte 1 exceeds the limit of 32767 bytes');
    expect(errorOf((w) => w.nullableString('x'.repeat(0x8000), FIELD)).reason).toBe('string-too-long');
  });

  it('builds its errors with the factory it is given', () => {
    const faults: WireFault[] = [];
    const writer = new WireWriter((fault) => {
      faults.push(fault);
      return new Error('refused');
    });
    expect(() => writer.int32(0.5, FIELD)).toThrow('refused');
    expect(faults).toEqual([{ reason: 'not-int32', field: 'Thing[0].Part[0]', offset: 0, value: 0.5 }]);
  });

  it('writes what WireReader reads', () => {
    const writer = new WireWriter();
    writer.int16(3);
    writer.int8(-5);
    writer.int32(-7, FIELD);
    writer.string('héllo', FIELD);
    writer.nullableString(null, FIELD);
    writer.nullableBytes(hex('0a 0b'));
    writer.int32Array([9, 8], FIELD);
    const read = new WireReader(writer.finish());
    expect([
      read.readVersion(FIELD),
      read.readInt8(FIELD),
      read.readInt32(FIELD),
      read.readString(FIELD),
      read.readNullableString(FIELD),
      read.readNullableBytes(FIELD),
      read.readInt32Array(FIELD, FIELD),
      read.remaining,
    ]).toEqual([3, -5, -7, 'héllo', null, hex('0a 0b'), [9, 8], 0]);
  });
});
