import {
  ACTIVE_STANDBY_PROTOCOL,
  ActiveStandbyDataError,
  decodeMemberUserData,
  decodeRoleRecord,
} from '@kafka-assignors/assignor-active-standby';
import { decodeCooperativeStickyUserData, decodeStickyUserData, stickyUserDataLayout } from '@kafka-assignors/assignor-sticky';
import type { DecodedUserData, UserDataDescription } from './group-description.js';
import { rawBytes } from './raw-bytes.js';

/** Reads user data in one format; throws UnreadableUserData when the bytes do not follow it. */
type UserDataReader = (bytes: Uint8Array) => DecodedUserData;

class UnreadableUserData extends Error {}

const COOPERATIVE_STICKY_BYTES = 4;

/** The subscription user data formats describe knows, by protocol. */
const SUBSCRIPTION_FORMATS: Readonly<Record<string, UserDataReader>> = {
  sticky: (bytes) => {
    if (stickyUserDataLayout(bytes) === null) {
      throw new UnreadableUserData('not sticky user data (Java leaders read it as no previous assignment)');
    }
    return { format: 'sticky', ...decodeStickyUserData(bytes) };
  },
  'cooperative-sticky': (bytes) => {
    if (bytes.byteLength < COOPERATIVE_STICKY_BYTES) {
      throw new UnreadableUserData(`not cooperative-sticky user data: ${bytes.byteLength} bytes, not ${COOPERATIVE_STICKY_BYTES}`);
    }
    return { format: 'cooperative-sticky', generation: decodeCooperativeStickyUserData(bytes) ?? -1 };
  },
  [ACTIVE_STANDBY_PROTOCOL]: (bytes) => ({ format: 'active-standby-member', ...activeStandby(() => decodeMemberUserData(bytes)) }),
};

/** The assignment user data formats describe knows, by protocol. */
const ASSIGNMENT_FORMATS: Readonly<Record<string, UserDataReader>> = {
  [ACTIVE_STANDBY_PROTOCOL]: (bytes) => ({ format: 'active-standby-role', ...activeStandby(() => decodeRoleRecord(bytes)) }),
};

export function subscriptionUserData(protocol: string, bytes: Uint8Array | null): UserDataDescription | null {
  return describeUserData(SUBSCRIPTION_FORMATS, protocol, bytes);
}

export function assignmentUserData(protocol: string, bytes: Uint8Array | null): UserDataDescription | null {
  return describeUserData(ASSIGNMENT_FORMATS, protocol, bytes);
}

function describeUserData(formats: Readonly<Record<string, UserDataReader>>, protocol: string, bytes: Uint8Array | null): UserDataDescription | null {
  if (bytes === null) return null;
  const read = Object.hasOwn(formats, protocol) ? formats[protocol] : undefined;
  if (read === undefined) return rawBytes(bytes);
  try {
    return { ...rawBytes(bytes), decoded: read(bytes) };
  } catch (error) {
    if (error instanceof UnreadableUserData) return { ...rawBytes(bytes), unreadable: error.message };
    throw error;
  }
}

function activeStandby<T>(decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    if (error instanceof ActiveStandbyDataError) throw new UnreadableUserData(`not active-standby user data: ${error.message}`);
    throw error;
  }
}
