export { RackIds } from './rack-ids.js';
export { memberRacks, NO_RACK } from './member-racks.js';
export { PartitionRacks } from './partition-racks.js';
