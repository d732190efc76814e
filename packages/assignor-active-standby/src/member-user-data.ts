import { WireReader, WireWriter, type FieldPath } from '@kafka-assignors/core/internal';
import { ActiveStandbyDataError, activeStandbyDataError } from './active-standby-data-error.js';

/** The version this package writes. Readers take any version from 1 up (see `decodeMemberUserData`). */
export const MEMBER_USER_DATA_VERSION = 1;

/** The member id and generation of a member's last completed rebalance. */
export interface LastRebalance {
  readonly memberId: string;
  readonly generationId: number;
}

/** What one member tells the leader in its subscription user data: its settings, and its claim. */
export interface MemberUserData {
  /** The version the bytes were written in (read back as is, possibly above the one this package writes). */
  readonly version: number;
  readonly eligible: boolean;
  readonly preempt: boolean;
  /** A signed 32-bit integer; higher wins. */
  readonly priority: number;
  readonly name: string | null;
  /** `null` before the member's first rebalance. */
  readonly lastRebalance: LastRebalance | null;
  /** The claim: the member held the active role after `lastRebalance`. */
  readonly claimsActive: boolean;
  /** The role record of `lastRebalance` named an active member (this one or another). */
  readonly knewActive: boolean;
  /** The topics the member held partitions of after `lastRebalance`. */
  readonly heldTopics: readonly string[];
}

const ELIGIBLE = 0x01;
const PREEMPT = 0x02;
const CLAIMS_ACTIVE = 0x04;
const KNEW_ACTIVE = 0x08;
const RESERVED_FLAGS = 0xf0;
const NO_GENERATION = -1;

const VERSION: FieldPath = () => 'version';
const FLAGS: FieldPath = () => 'flags';
const PRIORITY: FieldPath = () => 'priority';
const NAME: FieldPath = () => 'name';
const LAST_MEMBER_ID: FieldPath = () => 'last member id';
const LAST_GENERATION_ID: FieldPath = () => 'last generation id';
const HELD_TOPIC_COUNT: FieldPath = () => 'held topic count';
const HELD_TOPIC: FieldPath = (index) => `held topics[${index}]`;

/** The member user data bytes, version 1; the README lays them out byte by byte. */
export function encodeMemberUserData(data: Omit<MemberUserData, 'version'>): Uint8Array {
  const flags =
    (data.eligible ? ELIGIBLE : 0) | (data.preempt ? PREEMPT : 0) | (data.claimsActive ? CLAIMS_ACTIVE : 0) | (data.knewActive ? KNEW_ACTIVE : 0);
  const writer = new WireWriter(activeStandbyDataError);
  writer.int16(MEMBER_USER_DATA_VERSION);
  writer.int8(flags);
  writer.int32(data.priority, PRIORITY);
  writer.nullableString(data.name, NAME);
  writer.nullableString(data.lastRebalance?.memberId ?? null, LAST_MEMBER_ID);
  writer.int32(data.lastRebalance?.generationId ?? NO_GENERATION, LAST_GENERATION_ID);
  writer.arrayCount(data.heldTopics.length);
  data.heldTopics.forEach((topic, index) => writer.string(topic, HELD_TOPIC, index));
  return writer.finish();
}

/**
 * Reads member user data of any version from 1 up. Versions above 1 must start with the fields of version 1,
 * unchanged, and may append fields and use the reserved flag bits: a reader takes what it knows and ignores
 * the rest. Version 1 itself is read strictly: reserved bits set or bytes after the last field are errors.
 * Throws an ActiveStandbyDataError naming the field and byte at fault.
 */
export function decodeMemberUserData(bytes: Uint8Array): MemberUserData {
  const reader = new WireReader(bytes, activeStandbyDataError);
  const version = reader.readVersion(VERSION);
  if (version < 1) throw new ActiveStandbyDataError('version', 0, `is ${version}; versions start at 1`);
  const flagsOffset = reader.offset;
  const flags = reader.readInt8(FLAGS);
  if (version === 1 && (flags & RESERVED_FLAGS) !== 0) {
    throw new ActiveStandbyDataError('flags', flagsOffset, `has reserved bits set (0x${(flags & 0xff).toString(16)})`);
  }
  const priority = reader.readInt32(PRIORITY);
  const name = reader.readNullableString(NAME);
  const lastMemberId = reader.readNullableString(LAST_MEMBER_ID);
  const lastGenerationId = reader.readInt32(LAST_GENERATION_ID);
  const topicCount = reader.readArrayCount(HELD_TOPIC_COUNT);
  const heldTopics = Array.from({ length: topicCount }, (_, index) => reader.readString(HELD_TOPIC, index));
  if (version === 1 && reader.remaining > 0) {
    throw new ActiveStandbyDataError('end of version 1', reader.offset, `is followed by ${reader.remaining} more bytes`);
  }
  return {
    version,
    eligible: (flags & ELIGIBLE) !== 0,
    preempt: (flags & PREEMPT) !== 0,
    priority,
    name,
    lastRebalance: lastMemberId === null ? null : { memberId: lastMemberId, generationId: lastGenerationId },
    claimsActive: (flags & CLAIMS_ACTIVE) !== 0,
    knewActive: (flags & KNEW_ACTIVE) !== 0,
    heldTopics,
  };
}
