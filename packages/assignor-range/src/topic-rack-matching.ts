import { NO_RACK, type PartitionRacks } from '@kafka-assignors/core/internal';
import { UNASSIGNED, type RangeQuota } from './range-quota.js';

/**
 * The rack phase of a topic that has no co-partitioned companion: subscribers in order each take, up to
 * their quota, the lowest unassigned partitions with a replica on their rack. A subscriber without a rack
 * matches every partition. What stays unassigned is left to the range fill.
 *
 * Each rack's partition list is read once from a cursor that only moves forward (everything behind it is
 * assigned), so the phase costs O(partitions x replicas + subscribers).
 */
export function assignTopicByRack(quota: RangeQuota, subscriberRacks: Int32Array, racks: PartitionRacks): void {
  const partitionsByRack = racks.partitionsByRack();
  const cursorByRack = new Map<number, number>();
  let lowestUnassigned = 0;

  for (let subscriber = 0; subscriber < quota.subscriberCount && quota.unassignedCount > 0; subscriber++) {
    let wanted = quota.maxAssignable(subscriber);
    const rack = subscriberRacks[subscriber] ?? NO_RACK;
    if (rack === NO_RACK) {
      for (; wanted > 0 && quota.unassignedCount > 0; wanted--) {
        lowestUnassigned = quota.nextUnassigned(lowestUnassigned);
        quota.assign(subscriber, lowestUnassigned);
      }
      continue;
    }
    const candidates = partitionsByRack.get(rack) ?? [];
    let cursor = cursorByRack.get(rack) ?? 0;
    for (; cursor < candidates.length && wanted > 0; cursor++) {
      const partition = candidates[cursor] ?? 0;
      if (quota.owners[partition] !== UNASSIGNED) continue;
      quota.assign(subscriber, partition);
      wanted--;
    }
    cursorByRack.set(rack, cursor);
  }
}
