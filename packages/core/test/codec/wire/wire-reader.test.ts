import { describe, expect, it } from 'vitest';
import { WireFormatError, WireReader, type FieldPath, type WireFault, type WireFaultReason } from '../../../src/codec/wire/index.js';
import { hex } from '../hex.js';

const FIELD: FieldPath = (index, innerIndex) => `Thing[${index}].Part[${innerIndex}]`;
const ELEMENT: FieldPath = (index, innerIndex) => `Thing[${index}].Values[${innerIndex}]`;

function reader(spacedHex: string): WireReader {
  return new WireReader(hex(spacedHex));
}

function errorOf(read: () => unknown): WireFormatError {
  try {
    read();
  } catch (error) {
    if (error instanceof WireFormatError) return error;
    throw error;
  }
  throw new Error('expected a WireFormatError, but the bytes were read');
}

interface ExpectedFault {
  readonly field: string;
  readonly offset: number;
  readonly reason: WireFaultReason;
  readonly message: string;
}

function expectFault(read: () => unknown, expected: ExpectedFault): void {
  const error = errorOf(read);
  expect({ field: error.field, offset: error.offset, reason: error.reason, message: error.message }).toEqual(expected);
}

describe('WireReader', () => {
  describe('reads every primitive over its whole range, big-endian', () => {
    it.each([
      ['00', 0],
      ['7f', 127],
      ['80', -128],
      ['ff', -1],
    ])('int8 %s', (bytes, value) => {
      expect(reader(bytes).readInt8(FIELD)).toBe(value);
    });

    it.each([
      ['00 00', 0],
      ['00 03', 3],
      ['7f ff', 32767],
      ['80 00', -32768],
      ['ff ff', -1],
    ])('the int16 version %s, as it is', (bytes, value) => {
      expect(reader(bytes).readVersion(FIELD)).toBe(value);
    });

    it.each([
      ['00 00 00 00', 0],
      ['01 02 03 04', 0x01020304],
      ['7f ff ff ff', 2147483647],
      ['80 00 00 00', -2147483648],
      ['ff ff ff fe', -2],
    ])('int32 %s', (bytes, value) => {
      expect(reader(bytes).readInt32(FIELD)).toBe(value);
    });

    it('strings, from empty to the 32767 bytes an int16 length can say', () => {
      expect(reader('00 00').readString(FIELD)).toBe('');
      expect(reader('00 03 61 c3 b1').readString(FIELD)).toBe('añ');
      const longest = new Uint8Array(2 + 0x7fff).fill(0x78);
      longest.set([0x7f, 0xff]);
      expect(new WireReader(longest).readString(FIELD)).toBe('x'.repeat(0x7fff));
    });

    it('nullable strings: -1 is null, 0 the empty string', () => {
      expect(reader('ff ff').readNullableString(FIELD)).toBeNull();
      expect(reader('00 00').readNullableString(FIELD)).toBe('');
      expect(reader('00 01 61').readNullableString(FIELD)).toBe('a');
    });

    it('nullable bytes: -1 is null, 0 empty, else a copy of the bytes', () => {
      expect(reader('ff ff ff ff').readNullableBytes(FIELD)).toBeNull();
      expect(reader('00 00 00 00').readNullableBytes(FIELD)).toEqual(new Uint8Array(0));
      const bytes = hex('00 00 00 02 0a 0b');
      const read = new WireReader(bytes).readNullableBytes(FIELD);
      bytes[4] = 0xff;
      expect(read).toEqual(Uint8Array.of(0x0a, 0x0b));
    });

    it('array counts and int32 arrays', () => {
      expect(reader('00 00 00 00').readArrayCount(FIELD)).toBe(0);
      expect(reader('00 00 00 03 | 00 00 00').readArrayCount(FIELD)).toBe(3);
      expect(reader('00 00 00 00').readInt32Array(FIELD, ELEMENT)).toEqual([]);
      expect(reader('00 00 00 03 | 00 00 00 00 | 7f ff ff ff | 80 00 00 00').readInt32Array(FIELD, ELEMENT)).toEqual([0, 2147483647, -2147483648]);
    });
  });

  it('reads values in order, keeping count of the offset and the bytes left', () => {
    const read = reader('00 01 | ff | 00 00 00 07 | 00 02 68 69 | 00 00 00 01 00 00 00 05 | ee ee');
    expect([read.readVersion(FIELD), read.offset]).toEqual([1, 2]);
    expect([read.readInt8(FIELD), read.offset]).toEqual([-1, 3]);
    expect([read.readInt32(FIELD), read.offset]).toEqual([7, 7]);
    expect([read.readString(FIELD), read.offset]).toEqual(['hi', 11]);
    expect([read.readInt32Array(FIELD, ELEMENT), read.offset, read.remaining]).toEqual([[5], 19, 2]);
  });

  it('passes over strings and int32 arrays without reading them, saying where their contents are', () => {
    const read = reader('00 02 ff fe | 00 00 00 02 00 00 00 01 00 00 00 02 | 00 00 00 09');
    expect([read.skipString(FIELD), read.offset]).toEqual([2, 4]);
    expect([read.skipInt32Array(FIELD, ELEMENT), read.offset]).toEqual([2, 16]);
    expect(read.readInt32(FIELD)).toBe(9);
  });

  it('reads bytes that sit inside a larger buffer, as KafkaJS hands them over', () => {
    const pooled = new Uint8Array(32).fill(0xee);
    pooled.set(hex('00 01 61 | 00 00 00 01 00 00 00 04'), 5);
    const read = new WireReader(pooled.subarray(5, 16));
    expect(read.readString(FIELD)).toBe('a');
    expect(read.readInt32Array(FIELD, ELEMENT)).toEqual([4]);
    expect(read.remaining).toBe(0);
    expectFault(() => read.readInt8(FIELD), {
      field: 'Thing[0].Part[0]',
      offset: 11,
      reason: 'truncated',
      message: 'Thing[0].Part[0]: int8 at byte 11 needs 1 byte but only 0 bytes are left',
    });
  });

  describe('fails on truncated bytes, naming the field and the byte where the value starts', () => {
    it.each([
      ['an int8', '', (read: WireReader) => read.readInt8(FIELD, 2, 3), 'Thing[2].Part[3]: int8 at byte 0 needs 1 byte but only 0 bytes are left'],
      ['the int16 version', '00', (read: WireReader) => read.readVersion(FIELD), 'Thing[0].Part[0]: int16 version at byte 0 needs 2 bytes but only 1 byte is left'],
      ['an int32', '00 00 00', (read: WireReader) => read.readInt32(FIELD, 1), 'Thing[1].Part[0]: int32 at byte 0 needs 4 bytes but only 3 bytes are left'],
      ['a string length', '00', (read: WireReader) => read.readString(FIELD), 'Thing[0].Part[0]: int16 string length at byte 0 needs 2 bytes but only 1 byte is left'],
      ['a nullable string length', '', (read: WireReader) => read.readNullableString(FIELD), 'Thing[0].Part[0]: int16 string length at byte 0 needs 2 bytes but only 0 bytes are left'],
      ['a skipped string length', '00', (read: WireReader) => read.skipString(FIELD), 'Thing[0].Part[0]: int16 string length at byte 0 needs 2 bytes but only 1 byte is left'],
      ['a bytes length', '00 00', (read: WireReader) => read.readNullableBytes(FIELD), 'Thing[0].Part[0]: int32 bytes length at byte 0 needs 4 bytes but only 2 bytes are left'],
      ['an array count', '00 00 00', (read: WireReader) => read.readArrayCount(FIELD), 'Thing[0].Part[0]: int32 array count at byte 0 needs 4 bytes but only 3 bytes are left'],
      ['an int32 array count', '00', (read: WireReader) => read.readInt32Array(FIELD, ELEMENT), 'Thing[0].Part[0]: int32 array count at byte 0 needs 4 bytes but only 1 byte is left'],
    ])('%s', (_, bytes, read, message) => {
      const error = errorOf(() => read(reader(bytes)));
      expect({ offset: error.offset, reason: error.reason, message: error.message }).toEqual({ offset: 0, reason: 'truncated', message });
    });

    it('after the values before it', () => {
      const read = reader('00 01 61 | 00 00');
      read.readString(FIELD);
      expectFault(() => read.readInt32(FIELD, 4, 5), {
        field: 'Thing[4].Part[5]',
        offset: 3,
        reason: 'truncated',
        message: 'Thing[4].Part[5]: int32 at byte 3 needs 4 bytes but only 2 bytes are left',
      });
    });

    it('at the first element of an int32 array that does not fit, read or skipped', () => {
      // A count of 3 passes the count check with 6 bytes left; the second element is cut off.
      for (const read of [(r: WireReader) => r.readInt32Array(FIELD, ELEMENT, 7), (r: WireReader) => r.skipInt32Array(FIELD, ELEMENT, 7)]) {
        expectFault(() => read(reader('00 00 00 03 | 00 00 00 01 | 00 00')), {
          field: 'Thing[7].Values[1]',
          offset: 8,
          reason: 'truncated',
          message: 'Thing[7].Values[1]: int32 at byte 8 needs 4 bytes but only 2 bytes are left',
        });
      }
    });
  });

  describe('fails on a bad length or count, naming the field and the byte where the length starts', () => {
    it.each([
      ['a null string', '00 | ff ff', (read: WireReader) => read.readString(FIELD), 'unexpected-null', 'string length -1 (null) at byte 1 is not allowed: the field is not nullable'],
      ['a null skipped string', '00 | ff ff', (read: WireReader) => read.skipString(FIELD), 'unexpected-null', 'string length -1 (null) at byte 1 is not allowed: the field is not nullable'],
      ['a null array', '00 | ff ff ff ff', (read: WireReader) => read.readArrayCount(FIELD), 'unexpected-null', 'array count -1 (null) at byte 1 is not allowed: the field is not nullable'],
      ['a negative string length', '00 | 80 00', (read: WireReader) => read.readNullableString(FIELD), 'negative-length', 'string length -32768 at byte 1 is negative'],
      ['a negative bytes length', '00 | ff ff ff fe', (read: WireReader) => read.readNullableBytes(FIELD), 'negative-length', 'bytes length -2 at byte 1 is negative'],
      ['a negative array count', '00 | 80 00 00 00', (read: WireReader) => read.readInt32Array(FIELD, ELEMENT), 'negative-length', 'array count -2147483648 at byte 1 is negative'],
      ['a string past the end', '00 | 00 03 61 62', (read: WireReader) => read.readString(FIELD), 'length-exceeds-buffer', 'string length 3 at byte 1 exceeds the 2 bytes left'],
      ['bytes past the end', '00 | 00 00 00 02 61', (read: WireReader) => read.readNullableBytes(FIELD), 'length-exceeds-buffer', 'bytes length 2 at byte 1 exceeds the 1 byte left'],
      // As in Java, a count is compared with the bytes left, not with the bytes its elements need.
      ['more elements than bytes left', '00 | 00 00 00 02 61', (read: WireReader) => read.readArrayCount(FIELD), 'length-exceeds-buffer', 'array count 2 at byte 1 exceeds the 1 byte left'],
    ] as const)('%s', (_, bytes, read, reason, message) => {
      const underTest = reader(bytes);
      underTest.readInt8(FIELD);
      expectFault(() => read(underTest), { field: 'Thing[0].Part[0]', offset: 1, reason, message: `Thing[0].Part[0]: ${message}` });
    });
  });

  it('builds its errors with the factory it is given', () => {
    class FormatError extends Error {
      constructor(readonly fault: WireFault) {
        super(fault.reason);
      }
    }
    const read = new WireReader(hex('00 05 61'), (fault) => new FormatError(fault));
    let thrown: unknown;
    try {
      read.readString(FIELD, 1, 2);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FormatError);
    expect((thrown as FormatError).fault).toEqual({ reason: 'length-exceeds-buffer', field: 'Thing[1].Part[2]', offset: 0, role: 'string length', length: 5, left: 1 });
  });

  it('builds field names only when something is wrong', () => {
    let built = 0;
    const counted: FieldPath = () => `built ${++built}`;
    const read = reader('00 01 61 | 00 00 00 01 00 00 00 02');
    read.readString(counted);
    read.readInt32Array(counted, counted);
    expect(built).toBe(0);
    expect(errorOf(() => read.readInt8(counted)).field).toBe('built 1');
  });
});
