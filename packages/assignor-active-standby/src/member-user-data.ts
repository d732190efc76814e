import { ActiveStandbyDataError } from './active-standby-data-error.js';
import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';

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
/** A topic name takes at least its int16 length. */
const MIN_TOPIC_SIZE = 2;

/** The member user data bytes, version 1; the README lays them out byte by byte. */
export function encodeMemberUserData(data: Omit<MemberUserData, 'version'>): Uint8Array {
  const flags =
    (data.eligible ? ELIGIBLE : 0) | (data.preempt ? PREEMPT : 0) | (data.claimsActive ? CLAIMS_ACTIVE : 0) | (data.knewActive ? KNEW_ACTIVE : 0);
  const writer = new ByteWriter()
    .int16(MEMBER_USER_DATA_VERSION)
    .int8(flags)
    .int32(data.priority)
    .nullableString(data.name)
    .nullableString(data.lastRebalance?.memberId ?? null)
    .int32(data.lastRebalance?.generationId ?? -1)
    .int32(data.heldTopics.length);
  for (const topic of data.heldTopics) writer.nullableString(topic);
  return writer.toBytes();
}

/**
 * Reads member user data of any version from 1 up. Versions above 1 must start with the fields of version 1,
 * unchanged, and may append fields and use the reserved flag bits: a reader takes what it knows and ignores
 * the rest. Version 1 itself is read strictly: reserved bits set or bytes after the last field are errors.
 * Throws an ActiveStandbyDataError naming the field and byte at fault.
 */
export function decodeMemberUserData(bytes: Uint8Array): MemberUserData {
  const reader = new ByteReader(bytes);
  const version = reader.int16('version');
  if (version < 1) throw new ActiveStandbyDataError('version', 0, `is ${version}; versions start at 1`);
  const flagsOffset = reader.offset;
  const flags = reader.int8('flags');
  if (version === 1 && (flags & RESERVED_FLAGS) !== 0) {
    throw new ActiveStandbyDataError('flags', flagsOffset, `has reserved bits set (0x${(flags & 0xff).toString(16)})`);
  }
  const priority = reader.int32('priority');
  const name = reader.nullableString('name');
  const lastMemberId = reader.nullableString('last member id');
  const lastGenerationId = reader.int32('last generation id');
  const topicCount = reader.count('held topic count', MIN_TOPIC_SIZE);
  const heldTopics = Array.from({ length: topicCount }, (_, index) => reader.string(`held topics[${index}]`));
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
