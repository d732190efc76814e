import { WireReader, WireWriter, type FieldPath } from '@kafka-assignors/core/internal';
import { ActiveStandbyDataError, activeStandbyDataError } from './active-standby-data-error.js';

/**
 * The version this package writes for a member's own record. Version 2 is written only by
 * `encodePartitionsDesignateRecord`. Readers take any version from 1 up (see `decodeRoleRecord`).
 */
export const ROLE_RECORD_VERSION = 1;
const PARTITIONS_DESIGNATE_VERSION = 2;
/** Flag bit of version 2: the designation is the receiver's partitions (see `encodePartitionsDesignateRecord`). */
const PARTITIONS_DESIGNATE = 0x01;

/**
 * What the leader designated a member as: the group's `active`, `covering` (holding topics that the active
 * does not subscribe to), or `standby`.
 */
export type Designation = 'standby' | 'active' | 'covering';

/**
 * Why the group has the active it has, as the leader decided it:
 * - `kept`: the active of the last rebalance is still in the group, eligible, and not preempted;
 * - `elected`: no member knew of an active (the group's first, or after a time without one);
 * - `failover`: there was an active, and it is gone, became ineligible, or came back as a new member;
 * - `preempted`: a member with strictly higher priority and `preempt` took over from a present active;
 * - `no-eligible-member`: no member may be active, so nothing is assigned.
 */
export type DecisionReason = 'kept' | 'elected' | 'failover' | 'preempted' | 'no-eligible-member';

/** The leader's word to one member, in its assignment user data. */
export interface RoleRecord {
  /** The version the bytes were written in (read back as is, possibly above the one this package writes). */
  readonly version: number;
  readonly designation: Designation;
  readonly reason: DecisionReason;
  /** The group's active, `null` when there is none. */
  readonly activeMemberId: string | null;
  /** The active's name (its configured name, else its group instance id), `null` when it has none. */
  readonly activeName: string | null;
  /**
   * Version 2: the leader wrote one record for every member, so this one designates by the receiver's
   * partitions: a member that holds any is active, one that holds none is standby (see `designationOf`). The
   * version 1 fields then say standby, `elected`, no active, which is what a reader of version 1 takes.
   */
  readonly partitionsDesignate: boolean;
}

const DESIGNATION_CODES: readonly Designation[] = ['standby', 'active', 'covering'];
const REASON_CODES: readonly DecisionReason[] = ['kept', 'elected', 'failover', 'preempted', 'no-eligible-member'];

const VERSION: FieldPath = () => 'version';
const DESIGNATION: FieldPath = () => 'designation';
const REASON: FieldPath = () => 'reason';
const ACTIVE_MEMBER_ID: FieldPath = () => 'active member id';
const ACTIVE_NAME: FieldPath = () => 'active name';
const FLAGS: FieldPath = () => 'flags';

/** The role record bytes, version 1; the README lays them out byte by byte. */
export function encodeRoleRecord(record: Omit<RoleRecord, 'version' | 'partitionsDesignate'>): Uint8Array {
  const writer = new WireWriter(activeStandbyDataError);
  writer.int16(ROLE_RECORD_VERSION);
  writer.int8(DESIGNATION_CODES.indexOf(record.designation));
  writer.int8(REASON_CODES.indexOf(record.reason));
  writer.nullableString(record.activeMemberId, ACTIVE_MEMBER_ID);
  writer.nullableString(record.activeName, ACTIVE_NAME);
  return writer.finish();
}

/**
 * The one record a leader writes for every member when its client cannot write one per member
 * (@platformatic/kafka): version 2 with the flag that makes the receiver's partitions its designation. The leader's
 * election gives partitions to the active (and to members covering topics the active does not subscribe to)
 * and none to a standby, so the partitions say what a record of each member's own would have said, except who
 * the active is, which standbys then do not learn.
 */
export function encodePartitionsDesignateRecord(): Uint8Array {
  const writer = new WireWriter(activeStandbyDataError);
  writer.int16(PARTITIONS_DESIGNATE_VERSION);
  writer.int8(DESIGNATION_CODES.indexOf('standby'));
  writer.int8(REASON_CODES.indexOf('elected'));
  writer.nullableString(null, ACTIVE_MEMBER_ID);
  writer.nullableString(null, ACTIVE_NAME);
  writer.int8(PARTITIONS_DESIGNATE);
  return writer.finish();
}

/** What `record` designates its receiver, which holds `partitions` partitions. */
export function designationOf(record: RoleRecord, partitions: number): Designation {
  if (!record.partitionsDesignate) return record.designation;
  return partitions > 0 ? 'active' : 'standby';
}

/**
 * Reads a role record of any version from 1 up. Versions above 1 must start with the fields of version 1,
 * with the same codes, and may append fields; a reader ignores what follows the fields it knows. Versions 1
 * and 2 themselves are read strictly. A code this version does not know is an error: the member then stays
 * standby.
 */
export function decodeRoleRecord(bytes: Uint8Array): RoleRecord {
  const reader = new WireReader(bytes, activeStandbyDataError);
  const version = reader.readVersion(VERSION);
  if (version < 1) throw new ActiveStandbyDataError('version', 0, `is ${version}; versions start at 1`);
  const designation = readCode(reader, DESIGNATION, DESIGNATION_CODES);
  const reason = readCode(reader, REASON, REASON_CODES);
  const activeMemberId = reader.readNullableString(ACTIVE_MEMBER_ID);
  const activeName = reader.readNullableString(ACTIVE_NAME);
  let partitionsDesignate = false;
  if (version >= 2) {
    const offset = reader.offset;
    const flags = reader.readInt8(FLAGS);
    if (version === 2 && (flags & ~PARTITIONS_DESIGNATE) !== 0) throw new ActiveStandbyDataError('flags', offset, `has reserved bits set (${flags})`);
    partitionsDesignate = (flags & PARTITIONS_DESIGNATE) !== 0;
  }
  if (version <= 2 && reader.remaining > 0) {
    throw new ActiveStandbyDataError(`end of version ${version}`, reader.offset, `is followed by ${reader.remaining} more bytes`);
  }
  return { version, designation, reason, activeMemberId, activeName, partitionsDesignate };
}

function readCode<T>(reader: WireReader, field: FieldPath, codes: readonly T[]): T {
  const offset = reader.offset;
  const code = reader.readInt8(field);
  const value = codes[code];
  if (value === undefined) throw new ActiveStandbyDataError(field(0, 0), offset, `is ${code}, not a code of version 1 (0 to ${codes.length - 1})`);
  return value;
}
