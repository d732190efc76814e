/**
 * Building blocks that the project's own assignor packages share. Unstable: anything here can change or go in
 * any release, without a major version. Applications and third-party assignors use the root entry.
 */
export { checkGroup } from './check-group.js';
export * from './codec/wire/index.js';
export { compareStrings } from './compare-strings.js';
export { describeValue } from './describe-value.js';
export { compareJavaMemberOrder } from './java-member-order.js';
export { checkNoOptions, checkOptionKeys } from './option-checks.js';
export { singlePartition } from './single-partition.js';
export { subscriberPositions } from './subscriber-positions.js';
export { memberRacks, NO_RACK, PartitionRacks, RackIds } from './racks/index.js';
