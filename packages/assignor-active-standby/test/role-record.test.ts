import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ActiveStandbyDataError,
  decodeRoleRecord,
  designationOf,
  encodePartitionsDesignateRecord,
  encodeRoleRecord,
  type RoleRecord,
} from '@kafka-assignors/assignor-active-standby';
import { bytes, hex } from './support/hex.js';

const activeKept: Omit<RoleRecord, 'version' | 'partitionsDesignate'> = { designation: 'active', reason: 'kept', activeMemberId: 'm-1', activeName: 'pod-0' };
const ACTIVE_KEPT_BYTES =
  '0001' + // version 1
  '01' + // designation: active
  '00' + // reason: kept
  '0003 6d2d31' + // active member id "m-1"
  '0005 706f642d30'; // active name "pod-0"

const nobodyEligible: Omit<RoleRecord, 'version' | 'partitionsDesignate'> = { designation: 'standby', reason: 'no-eligible-member', activeMemberId: null, activeName: null };
const NOBODY_ELIGIBLE_BYTES = '0001 00 04 ffff ffff';

const recordArbitrary: fc.Arbitrary<Omit<RoleRecord, 'version' | 'partitionsDesignate'>> = fc.record({
  designation: fc.constantFrom('standby', 'active', 'covering'),
  reason: fc.constantFrom('kept', 'elected', 'failover', 'preempted', 'no-eligible-member'),
  activeMemberId: fc.option(fc.string(), { nil: null }),
  activeName: fc.option(fc.string({ minLength: 1 }), { nil: null }),
});

function decodeError(spacedHex: string): ActiveStandbyDataError {
  try {
    decodeRoleRecord(bytes(spacedHex));
  } catch (error) {
    if (error instanceof ActiveStandbyDataError) return error;
    throw error;
  }
  throw new Error('the bytes were read');
}

describe('role record (assignment user data), version 1', () => {
  it('writes the bytes the README lays out, and reads them back', () => {
    expect(hex(encodeRoleRecord(activeKept))).toBe(ACTIVE_KEPT_BYTES.replace(/\s+/g, ''));
    expect(hex(encodeRoleRecord(nobodyEligible))).toBe(NOBODY_ELIGIBLE_BYTES.replace(/\s+/g, ''));
    expect(decodeRoleRecord(bytes(ACTIVE_KEPT_BYTES))).toEqual({ version: 1, ...activeKept, partitionsDesignate: false });
    expect(decodeRoleRecord(bytes(NOBODY_ELIGIBLE_BYTES))).toEqual({ version: 1, ...nobodyEligible, partitionsDesignate: false });
  });

  it('codes every designation and reason as the README lists them', () => {
    const codes = (['standby', 'active', 'covering'] as const).flatMap((designation, designationCode) =>
      (['kept', 'elected', 'failover', 'preempted', 'no-eligible-member'] as const).map((reason, reasonCode) => [
        hex(encodeRoleRecord({ designation, reason, activeMemberId: null, activeName: null })),
        `00010${designationCode}0${reasonCode}ffffffff`,
      ]),
    );
    for (const [actual, expected] of codes) expect(actual).toBe(expected);
  });

  it('reads what it writes, whatever the values', () => {
    fc.assert(
      fc.property(recordArbitrary, (record) => {
        expect(decodeRoleRecord(encodeRoleRecord(record))).toEqual({ version: 1, ...record, partitionsDesignate: false });
      }),
      { numRuns: 1000 },
    );
  });

  it('reads a later version by its version 1 and 2 fields, ignoring appended fields', () => {
    expect(decodeRoleRecord(bytes('0003' + ACTIVE_KEPT_BYTES.slice(4) + '00000002 beef'))).toEqual({ version: 3, ...activeKept, partitionsDesignate: false });
    expect(decodeRoleRecord(bytes('0003' + ACTIVE_KEPT_BYTES.slice(4) + '81 beef'))).toEqual({ version: 3, ...activeKept, partitionsDesignate: true });
  });

  it.each([
    ['nothing at all', '', 'version', 0, /needs 2 bytes/],
    ['version 0', '0000 01 00 ffff ffff', 'version', 0, /versions start at 1/],
    ['an unknown designation', '0001 03 00 ffff ffff', 'designation', 2, /is 3, not a code of version 1 \(0 to 2\)/],
    ['an unknown reason', '0002 01 05 ffff ffff 01', 'reason', 3, /is 5, not a code of version 1 \(0 to 4\)/],
    ['version 2 without its flags', '0002 00 01 ffff ffff', 'flags', 8, /needs 1 byte/],
    ['reserved flag bits in version 2', '0002 00 01 ffff ffff 03', 'flags', 8, /reserved bits set \(3\)/],
    ['bytes after the last field of version 2', '0002 00 01 ffff ffff 01 00', 'end of version 2', 9, /followed by 1 more bytes/],
    ['a cut active member id', '0001 01 00 0004 6d2d', 'active member id length', 4, /is 4, more than the 2 bytes left/],
    ['bytes after the last field of version 1', NOBODY_ELIGIBLE_BYTES + 'ff', 'end of version 1', 8, /followed by 1 more bytes/],
  ])('refuses %s, naming the field and the byte', (_, spacedHex, field, offset, message) => {
    const error = decodeError(spacedHex);
    expect({ field: error.field, offset: error.offset }).toEqual({ field, offset });
    expect(error.message).toMatch(message);
  });

  it('never throws anything but an ActiveStandbyDataError, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 32 }), (data) => {
        try {
          decodeRoleRecord(data);
        } catch (error) {
          expect(error).toBeInstanceOf(ActiveStandbyDataError);
        }
      }),
      { numRuns: 5000 },
    );
  });
});

describe('the record that lets the partitions designate (version 2), for leaders that write one record for all', () => {
  it('writes the bytes the README lays out: version 1 fields a version 1 reader takes as standby, then the flag', () => {
    expect(hex(encodePartitionsDesignateRecord())).toBe('0002' + '00' + '01' + 'ffff' + 'ffff' + '01');
    expect(decodeRoleRecord(encodePartitionsDesignateRecord())).toEqual({
      version: 2,
      designation: 'standby',
      reason: 'elected',
      activeMemberId: null,
      activeName: null,
      partitionsDesignate: true,
    });
  });

  it('designates a member active when it holds partitions and standby when it holds none', () => {
    const record = decodeRoleRecord(encodePartitionsDesignateRecord());
    expect(designationOf(record, 6)).toBe('active');
    expect(designationOf(record, 0)).toBe('standby');
    const own = decodeRoleRecord(encodeRoleRecord({ designation: 'standby', reason: 'kept', activeMemberId: 'm-1', activeName: null }));
    expect(designationOf(own, 6)).toBe('standby');
  });
});
