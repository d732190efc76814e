import Decoder from 'kafkajs/src/protocol/decoder.js';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import { createErrorFromCode } from 'kafkajs/src/protocol/error.js';

/** A member as the group coordinator describes it, its subscription and assignment as bytes. */
export interface DescribedMemberBytes {
  readonly memberId: string;
  /** The member's `group.instance.id` (KIP-345); `null` for a dynamic member. */
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  /** The member's JoinGroup metadata for the group's protocol; empty unless the group is Stable. */
  readonly memberMetadata: Buffer;
  /** The member's SyncGroup assignment; empty unless the group is Stable. */
  readonly memberAssignment: Buffer;
}

export interface DescribedGroupBytes {
  readonly groupId: string;
  /** `Dead` for a group the coordinator does not know. */
  readonly state: string;
  readonly protocolType: string;
  /** The protocol the coordinator chose (an assignor name for consumer groups); empty unless the group is Stable. */
  readonly protocol: string;
  readonly members: readonly DescribedMemberBytes[];
}

export interface DescribeGroupsResponse {
  readonly groups: readonly (DescribedGroupBytes & { readonly errorCode: number })[];
}

/**
 * A request in the form KafkaJS' connections send: the request's encoding, and the response's decoding into
 * `Decoded`, then `Result` (or an error).
 */
export interface KafkaJSProtocolRequest<Decoded, Result> {
  readonly request: { apiKey: number; apiVersion: number; apiName: string; encode(): Promise<Encoder> };
  readonly response: { decode(payload: Buffer): Promise<Decoded>; parse(decoded: Decoded): Promise<Result> };
}

export const DESCRIBE_GROUPS_API_KEY = 15;
/**
 * KafkaJS 2.2.4 speaks DescribeGroups up to version 2, which has no group instance ids. Version 4 has them
 * (Kafka 2.4 and later); version 5 moves to the flexible encoding, whose request header KafkaJS does not write.
 */
export const DESCRIBE_GROUPS_VERSION = 4;
const GROUP_ID_NOT_FOUND = 69;

/**
 * DescribeGroups version 4 for one group. A group the coordinator does not know comes back with state `Dead`
 * (or, from brokers that say so, the error GROUP_ID_NOT_FOUND, read as the same); any other error code of the
 * group is thrown as KafkaJS' error for it.
 */
export function describeGroupRequest(groupId: string): KafkaJSProtocolRequest<DescribeGroupsResponse, DescribedGroupBytes> {
  return {
    request: {
      apiKey: DESCRIBE_GROUPS_API_KEY,
      apiVersion: DESCRIBE_GROUPS_VERSION,
      apiName: 'DescribeGroups',
      // The group ids, then include_authorized_operations.
      encode: () => Promise.resolve(new Encoder().writeArray([groupId]).writeBoolean(false)),
    },
    response: {
      decode: (payload) => Promise.resolve(decodeResponse(payload)),
      parse: (decoded) => Promise.resolve(onlyGroup(decoded, groupId)),
    },
  };
}

function decodeResponse(payload: Buffer): DescribeGroupsResponse {
  const decoder = new Decoder(payload);
  decoder.readInt32(); // throttle_time_ms
  const groups = decoder.readArray((group) => {
    const described = {
      errorCode: group.readInt16(),
      groupId: string(group),
      state: string(group),
      protocolType: string(group),
      protocol: string(group),
      members: group.readArray(
        (member): DescribedMemberBytes => ({
          memberId: string(member),
          groupInstanceId: member.readString(),
          clientId: string(member),
          clientHost: string(member),
          memberMetadata: bytes(member),
          memberAssignment: bytes(member),
        }),
      ),
    };
    group.readInt32(); // authorized_operations
    return described;
  });
  return { groups };
}

function onlyGroup({ groups }: DescribeGroupsResponse, groupId: string): DescribedGroupBytes {
  const group = groups.find((candidate) => candidate.groupId === groupId);
  if (group === undefined) throw new Error(`the coordinator's DescribeGroups response has no group "${groupId}"`);
  const { errorCode, ...described } = group;
  if (errorCode === GROUP_ID_NOT_FOUND) return { ...described, state: 'Dead', members: [] };
  if (errorCode !== 0) throw createErrorFromCode(errorCode);
  return described;
}

function string(decoder: Decoder): string {
  return decoder.readString() ?? '';
}

function bytes(decoder: Decoder): Buffer {
  return decoder.readBytes() ?? Buffer.alloc(0);
}
