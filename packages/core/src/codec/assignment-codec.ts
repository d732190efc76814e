import type { MemberAssignment } from '../model.js';
import { consumerProtocolError } from './consumer-protocol-error.js';
import { encodeMessage } from './encode-message.js';
import { groupByFirstAppearance } from './group-by-topic.js';
import { checkWritableVersion, HIGHEST_VERSION, readVersion } from './protocol-version.js';
import type { FieldPath } from './wire/field-path.js';
import { readTopicPartitionsList, topicPartitionsFields, writeTopicPartitionsList } from './wire/topic-partitions-list.js';
import { WireReader } from './wire/wire-reader.js';

/** An Assignment read from the wire, with the version it was written in (possibly above 3). */
export interface DecodedAssignment extends MemberAssignment {
  readonly version: number;
}

const VERSION: FieldPath = () => 'Assignment.Version';
const ASSIGNED_PARTITIONS = topicPartitionsFields('Assignment.AssignedPartitions');
const USER_DATA: FieldPath = () => 'Assignment.UserData';

/**
 * The SyncGroup assignment bytes of a member, as the Java client writes them: one entry per topic in order
 * of the topic's first appearance, partitions in the given order, topics without partitions left out.
 * The body is the same in every version; the version only travels in the header.
 */
export function encodeAssignment(assignment: MemberAssignment, version: number = HIGHEST_VERSION): Uint8Array {
  checkWritableVersion(version, VERSION);
  const partitions = groupByFirstAppearance(assignment.partitions);

  return encodeMessage((sink) => {
    sink.int16(version);
    writeTopicPartitionsList(sink, partitions, ASSIGNED_PARTITIONS);
    sink.nullableBytes(assignment.userData);
  });
}

/** Reads a member's SyncGroup assignment; partitions come back as the wire has them. */
export function decodeAssignment(bytes: Uint8Array): DecodedAssignment {
  const reader = new WireReader(bytes, consumerProtocolError);
  const version = readVersion(reader, VERSION);
  const partitions = readTopicPartitionsList(reader, ASSIGNED_PARTITIONS);
  const userData = reader.readNullableBytes(USER_DATA);
  return { version, partitions, userData };
}
