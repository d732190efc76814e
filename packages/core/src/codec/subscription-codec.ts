import type { Subscription } from '../model.js';
import { encodeMessage } from './encode-message.js';
import { compareStrings } from '../compare-strings.js';
import { consumerProtocolError } from './consumer-protocol-error.js';
import { groupSorted } from './group-by-topic.js';
import { checkWritableVersion, HIGHEST_VERSION, readVersion } from './protocol-version.js';
import type { FieldPath } from './wire/field-path.js';
import { readTopicPartitionsList, topicPartitionsFields, writeTopicPartitionsList } from './wire/topic-partitions-list.js';
import { WireReader } from './wire/wire-reader.js';

/** A Subscription read from the wire, with the version it was written in (possibly above 3). */
export interface DecodedSubscription extends Subscription {
  readonly version: number;
}

const VERSION: FieldPath = () => 'Subscription.Version';
const TOPICS: FieldPath = () => 'Subscription.Topics';
const TOPIC: FieldPath = (index) => `Subscription.Topics[${index}]`;
const USER_DATA: FieldPath = () => 'Subscription.UserData';
const OWNED_PARTITIONS = topicPartitionsFields('Subscription.OwnedPartitions');
const GENERATION_ID: FieldPath = () => 'Subscription.GenerationId';
const RACK_ID: FieldPath = () => 'Subscription.RackId';

const FIRST_VERSION_WITH_OWNED_PARTITIONS = 1;
const FIRST_VERSION_WITH_GENERATION_ID = 2;
const FIRST_VERSION_WITH_RACK_ID = 3;
const NO_GENERATION = -1;

/**
 * The JoinGroup metadata bytes of a member, as the Java client writes them: topics sorted, owned
 * partitions sorted by (topic, partition) and grouped per topic, an empty rack written as null. A version
 * below 3 leaves out the fields it does not have.
 */
export function encodeSubscription(subscription: Subscription, version: number = HIGHEST_VERSION): Uint8Array {
  checkWritableVersion(version, VERSION);
  const topics = [...subscription.topics].sort(compareStrings);
  const ownedPartitions = version >= FIRST_VERSION_WITH_OWNED_PARTITIONS ? groupSorted(subscription.ownedPartitions) : [];
  // Java writes the rack only when `client.rack` is non-empty.
  const rackId = subscription.rackId === '' ? null : subscription.rackId;

  return encodeMessage((sink) => {
    sink.int16(version);
    sink.arrayCount(topics.length);
    for (let i = 0; i < topics.length; i++) sink.string(topics[i]!, TOPIC, i);
    sink.nullableBytes(subscription.userData);
    if (version >= FIRST_VERSION_WITH_OWNED_PARTITIONS) writeTopicPartitionsList(sink, ownedPartitions, OWNED_PARTITIONS);
    if (version >= FIRST_VERSION_WITH_GENERATION_ID) sink.int32(subscription.generationId, GENERATION_ID);
    if (version >= FIRST_VERSION_WITH_RACK_ID) sink.nullableString(rackId, RACK_ID);
  });
}

/**
 * Reads a member's JoinGroup metadata. Fields its version does not have take their defaults; a negative
 * generation means none (-1) and an empty rack means none (null), as in the Java client. Owned partitions
 * come back as the wire has them.
 */
export function decodeSubscription(bytes: Uint8Array): DecodedSubscription {
  const reader = new WireReader(bytes, consumerProtocolError);
  const version = readVersion(reader, VERSION);

  const topicCount = reader.readArrayCount(TOPICS);
  const topics = new Array<string>(topicCount);
  for (let i = 0; i < topicCount; i++) topics[i] = reader.readString(TOPIC, i);
  const userData = reader.readNullableBytes(USER_DATA);
  const ownedPartitions = version >= FIRST_VERSION_WITH_OWNED_PARTITIONS ? readTopicPartitionsList(reader, OWNED_PARTITIONS) : [];
  const generationId = version >= FIRST_VERSION_WITH_GENERATION_ID ? reader.readInt32(GENERATION_ID) : NO_GENERATION;
  const rackId = version >= FIRST_VERSION_WITH_RACK_ID ? reader.readNullableString(RACK_ID) : null;

  return {
    version,
    topics,
    userData,
    ownedPartitions,
    generationId: generationId < 0 ? NO_GENERATION : generationId,
    rackId: rackId === '' ? null : rackId,
  };
}
