export type { FieldPath } from './field-path.js';
export { readTopicPartitionsList, topicPartitionsFields, writeTopicPartitionsList } from './topic-partitions-list.js';
export { utf8Bytes } from './utf8.js';
export type { WireErrorFactory, WireFault, WireFaultReason } from './wire-fault.js';
export { WireFormatError } from './wire-format-error.js';
export { WireReader } from './wire-reader.js';
export { WireWriter } from './wire-writer.js';
