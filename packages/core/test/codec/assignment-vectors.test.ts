import { describe, expect, it } from 'vitest';
import { decodeAssignment, encodeAssignment } from '../../src/codec/index.js';
import type { MemberAssignment } from '../../src/model.js';
import { hex, toHex } from './hex.js';

const A = '00 01 61';
const B = '00 01 62';

function expectBytes(actual: Uint8Array, expected: string): void {
  expect(toHex(actual)).toBe(toHex(hex(expected)));
}

describe('Assignment byte vectors', () => {
  const a01: MemberAssignment = { partitions: [{ topic: 'a', partitions: [0, 1] }], userData: null };
  const a01Body = `00 00 00 01 | ${A} | 00 00 00 02 | 00 00 00 00 | 00 00 00 01 | ff ff ff ff`;

  it('encodes and decodes the reference v3 example (25 bytes)', () => {
    const bytes = `00 03 | ${a01Body}`;
    expect(hex(bytes).length).toBe(25);
    expectBytes(encodeAssignment(a01), bytes);
    expect(decodeAssignment(hex(bytes))).toEqual({ version: 3, ...a01 });
  });

  it.each([0, 1, 2, 3])('writes the same body in version %i', (version) => {
    const bytes = `00 0${version} | ${a01Body}`;
    expectBytes(encodeAssignment(a01, version), bytes);
    expect(decodeAssignment(hex(bytes))).toEqual({ version, ...a01 });
  });

  it('reads a future version 7 as v3 and ignores the bytes it appends', () => {
    expect(decodeAssignment(hex(`00 07 | ${a01Body} | 01 02 03`))).toEqual({ version: 7, ...a01 });
  });

  it('keeps null and empty user data apart', () => {
    const empty = `00 03 | 00 00 00 00 | 00 00 00 00`;
    const absent = `00 03 | 00 00 00 00 | ff ff ff ff`;
    const withData = `00 03 | 00 00 00 00 | 00 00 00 02 61 62`;
    expectBytes(encodeAssignment({ partitions: [], userData: new Uint8Array(0) }), empty);
    expectBytes(encodeAssignment({ partitions: [], userData: null }), absent);
    expectBytes(encodeAssignment({ partitions: [], userData: hex('61 62') }), withData);
    expect(decodeAssignment(hex(empty)).userData).toEqual(new Uint8Array(0));
    expect(decodeAssignment(hex(absent)).userData).toBeNull();
    expect(decodeAssignment(hex(withData)).userData).toEqual(hex('61 62'));
  });

  it('groups partitions per topic in order of first appearance, keeping their order', () => {
    const assignment: MemberAssignment = {
      partitions: [
        { topic: 'b', partitions: [3] },
        { topic: 'a', partitions: [1] },
        { topic: 'c', partitions: [] },
        { topic: 'b', partitions: [0, 2] },
      ],
      userData: null,
    };
    const bytes = `00 03 | 00 00 00 02 |
      ${B} | 00 00 00 03 | 00 00 00 03 | 00 00 00 00 | 00 00 00 02 |
      ${A} | 00 00 00 01 | 00 00 00 01 | ff ff ff ff`;
    expectBytes(encodeAssignment(assignment), bytes);
  });

  it('writes multi-byte UTF-8 topic names', () => {
    const bytes = `00 03 | 00 00 00 01 | 00 07 f0 9f 98 80 c3 a9 78 | 00 00 00 01 | 7f ff ff ff | ff ff ff ff`;
    const assignment: MemberAssignment = { partitions: [{ topic: '😀éx', partitions: [2147483647] }], userData: null };
    expectBytes(encodeAssignment(assignment), bytes);
    expect(decodeAssignment(hex(bytes))).toEqual({ version: 3, ...assignment });
  });

  it('returns partitions as the wire groups them, empty entries included', () => {
    const bytes = hex(`00 00 | 00 00 00 03 | ${A} | 00 00 00 01 | 00 00 00 05 | ${B} | 00 00 00 00 | ${A} | 00 00 00 01 | ff ff ff ff | ff ff ff ff`);
    expect(decodeAssignment(bytes).partitions).toEqual([
      { topic: 'a', partitions: [5] },
      { topic: 'b', partitions: [] },
      { topic: 'a', partitions: [-1] },
    ]);
  });

  it('reads a view with a non-zero byte offset', () => {
    const message = hex(`00 03 | ${a01Body}`);
    const padded = new Uint8Array(message.length + 3);
    padded.set(message, 3);
    expect(decodeAssignment(new Uint8Array(padded.buffer, 3, message.length))).toEqual({ version: 3, ...a01 });
  });
});
