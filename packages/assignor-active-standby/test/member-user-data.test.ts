import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ActiveStandbyDataError,
  decodeMemberUserData,
  encodeMemberUserData,
  type MemberUserData,
} from '@kafka-assignors/assignor-active-standby';
import { bytes, hex } from './support/hex.js';

const claimingActive: Omit<MemberUserData, 'version'> = {
  eligible: true,
  preempt: false,
  priority: 10,
  name: 'pod-0',
  lastRebalance: { memberId: 'm-1', generationId: 7 },
  claimsActive: true,
  knewActive: true,
  heldTopics: ['orders'],
};

const CLAIMING_ACTIVE_BYTES =
  '0001' + // version 1
  '0d' + // flags: eligible (0x01), claims active (0x04), knew an active (0x08)
  '0000000a' + // priority 10
  '0005 706f642d30' + // name "pod-0"
  '0003 6d2d31' + // last member id "m-1"
  '00000007' + // last generation 7
  '00000001 0006 6f7264657273'; // held topics ["orders"]

const firstJoin: Omit<MemberUserData, 'version'> = {
  eligible: false,
  preempt: true,
  priority: -1,
  name: null,
  lastRebalance: null,
  claimsActive: false,
  knewActive: false,
  heldTopics: [],
};

const FIRST_JOIN_BYTES = '0001 02 ffffffff ffff ffff ffffffff 00000000';

const userDataArbitrary: fc.Arbitrary<Omit<MemberUserData, 'version'>> = fc.record({
  eligible: fc.boolean(),
  preempt: fc.boolean(),
  priority: fc.integer({ min: -0x80000000, max: 0x7fffffff }),
  name: fc.option(fc.string({ minLength: 1, unit: 'grapheme' }), { nil: null }),
  lastRebalance: fc.option(fc.record({ memberId: fc.string(), generationId: fc.integer({ min: -1, max: 0x7fffffff }) }), { nil: null }),
  claimsActive: fc.boolean(),
  knewActive: fc.boolean(),
  heldTopics: fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 5 }),
});

function decodeError(spacedHex: string): ActiveStandbyDataError {
  try {
    decodeMemberUserData(bytes(spacedHex));
  } catch (error) {
    if (error instanceof ActiveStandbyDataError) return error;
    throw error;
  }
  throw new Error('the bytes were read');
}

describe('member user data, version 1', () => {
  it('writes the bytes the README lays out', () => {
    expect(hex(encodeMemberUserData(claimingActive))).toBe(CLAIMING_ACTIVE_BYTES.replace(/\s+/g, ''));
    expect(hex(encodeMemberUserData(firstJoin))).toBe(FIRST_JOIN_BYTES.replace(/\s+/g, ''));
  });

  it('reads them back', () => {
    expect(decodeMemberUserData(bytes(CLAIMING_ACTIVE_BYTES))).toEqual({ version: 1, ...claimingActive });
    expect(decodeMemberUserData(bytes(FIRST_JOIN_BYTES))).toEqual({ version: 1, ...firstJoin });
  });

  it('reads what it writes, whatever the values', () => {
    fc.assert(
      fc.property(userDataArbitrary, (data) => {
        expect(decodeMemberUserData(encodeMemberUserData(data))).toEqual({ version: 1, ...data });
      }),
      { numRuns: 1000 },
    );
  });

  it('reads a later version by its version 1 fields, ignoring new flag bits and appended fields', () => {
    const version2 = '0002' + '1d' + CLAIMING_ACTIVE_BYTES.slice(6) + 'cafe 0000 0001';
    expect(decodeMemberUserData(bytes(version2))).toEqual({ version: 2, ...claimingActive });
  });

  it('reads strings as Java does: malformed UTF-8 becomes U+FFFD, a byte-order mark stays', () => {
    // Java 17, reading strings as kafka-clients does, makes "\uFFFD(" of c3 28.
    expect(decodeMemberUserData(bytes('0001 01 00000000 0002 c328 0004 efbbbf61 ffffffff 00000000'))).toMatchObject({
      name: '\uFFFD(',
      lastRebalance: { memberId: '\uFEFFa', generationId: -1 },
    });
  });

  it('writes an unpaired surrogate as ? as Java does', () => {
    expect(hex(encodeMemberUserData({ ...firstJoin, name: 'a\uD800' }))).toBe('000102ffffffff0002613fffffffffffff00000000');
  });

  it.each([
    ['nothing at all', '', 'version', 0, /needs 2 bytes for an int16, only 0 left/],
    ['version 0', '0000' + FIRST_JOIN_BYTES.slice(4), 'version', 0, /is 0; versions start at 1/],
    ['a negative version', 'ffff 02', 'version', 0, /is -1/],
    ['reserved flag bits in version 1', '0001 82 ffffffff ffff ffff ffffffff 00000000', 'flags', 2, /reserved bits set \(0x82\)/],
    ['bytes after the last field of version 1', FIRST_JOIN_BYTES + '00', 'end of version 1', 19, /followed by 1 more bytes/],
    ['a cut priority', '0001 01 0000', 'priority', 3, /needs 4 bytes for an int32, only 2 left/],
    ['a name longer than the bytes left', '0001 01 00000000 0064 6162', 'name length', 7, /is 100, more than the 2 bytes left/],
    ['a negative name length', '0001 01 00000000 fffe', 'name length', 7, /is -2, negative/],
    ['more held topics than bytes', '0001 01 00000000 ffff ffff ffffffff 7fffffff', 'held topic count', 15, /more elements than/],
    ['a null held topic', '0001 01 00000000 ffff ffff ffffffff 00000001 ffff', 'held topics[0] length', 19, /null/],
  ])('refuses %s, naming the field and the byte', (_, spacedHex, field, offset, message) => {
    const error = decodeError(spacedHex);
    expect({ field: error.field, offset: error.offset }).toEqual({ field, offset });
    expect(error.message).toMatch(message);
  });

  it('never throws anything but an ActiveStandbyDataError, whatever the bytes', () => {
    const mangled = fc.tuple(userDataArbitrary, fc.nat(), fc.nat({ max: 255 }), fc.nat()).map(([data, at, value, cut]) => {
      const encoded = encodeMemberUserData(data);
      encoded[at % encoded.length] = value;
      return encoded.subarray(0, cut % (encoded.length + 1));
    });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), mangled), (data) => {
        try {
          decodeMemberUserData(data);
        } catch (error) {
          expect(error).toBeInstanceOf(ActiveStandbyDataError);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
