import { NO_RACK } from '@kafka-assignors/core/internal';
import { FlowNetwork } from './flow-network.js';
import type { RackMatching } from './rack-matching.js';
import { dealRoundRobin, type Dealer } from './round-robin-dealer.js';

const SOURCE = 0;
const SINK = 1;
const FIRST_CLASS_NODE = 2;
const UNPLACED = -1;

/**
 * A dealer that puts as many partitions as it can on receivers whose rack matches them, where racks apply.
 * Who receives how many stays as the allotments say (that is the balance); racks only decide which partition
 * goes to whom.
 *
 * Receivers fall into rack groups (one per rack, one for receivers without a rack), and partitions into
 * classes by the rack groups they match. A maximum flow from classes to groups (a class sends at most its
 * partitions, a group takes at most its receivers' allotments) gives the largest number of partitions that
 * can go to matching receivers: exact, where Java's greedy, hardest partitions first, is not. Within a
 * group, partitions are dealt round-robin in their order, which spreads topics as without racks. What no
 * matching receiver can take goes back to its previous owner when that one has allotment left, then
 * round-robin to whoever has. O(n × R + receivers) for n partitions of R replicas, plus the flow over at most
 * n classes and (R + 1) n edges, in practice a few classes per rack.
 */
export function rackAwareDealer(racks: RackMatching, previousOwner: Int32Array): Dealer {
  return (partitions, receivers, allotments, give) => {
    const groups = RackGroups.of(racks, receivers, allotments);
    const classes = RackClasses.of(racks, groups, partitions);
    const groupOfPartition = placeOnGroups(groups, classes, partitions);

    const byGroup = indicesByKey(groupOfPartition, groups.count);
    const giveAt = (index: number, receiver: number) => give(partitions[index]!, receiver);
    for (let group = 0; group < groups.count; group++) {
      dealRoundRobin(byGroup.indices.subarray(byGroup.start[group], byGroup.start[group + 1]), groups.receiversOf(group), allotments, giveAt);
    }

    const left: number[] = [];
    for (let index = 0; index < partitions.length; index++) {
      if (groupOfPartition[index] !== UNPLACED) continue;
      const partition = partitions[index]!;
      const owner = previousOwner[partition]!;
      if (owner >= 0 && allotments[owner]! > 0) {
        give(partition, owner);
        allotments[owner]! -= 1;
      } else {
        left.push(partition);
      }
    }
    if (left.length === 0) return;
    const withRoom = Array.from(receivers).filter((receiver) => allotments[receiver]! > 0);
    dealRoundRobin(left, withRoom, allotments, give);
  };
}

/** The receivers by rack group, in their order, with how many partitions each group can take. */
class RackGroups {
  private constructor(
    readonly count: number,
    /** The group of each member rack, -1 when no receiver is on it; receivers without a rack are `noRackGroup`. */
    readonly groupOfRack: Int32Array,
    readonly noRackGroup: number,
    readonly capacity: Float64Array,
    private readonly start: Int32Array,
    private readonly members: Int32Array,
  ) {}

  static of(racks: RackMatching, receivers: ArrayLike<number>, allotments: Int32Array): RackGroups {
    // Receivers without a rack take the slot after the last member rack.
    const noRackSlot = racks.memberRackCount;
    const groupOfRack = new Int32Array(noRackSlot + 1).fill(-1);
    const groupOfReceiver = new Int32Array(receivers.length);
    let count = 0;
    for (let index = 0; index < receivers.length; index++) {
      const rack = racks.memberRack[receivers[index]!]!;
      const slot = rack === NO_RACK ? noRackSlot : rack;
      if (groupOfRack[slot]! < 0) groupOfRack[slot] = count++;
      groupOfReceiver[index] = groupOfRack[slot]!;
    }
    const capacity = new Float64Array(count);
    const start = new Int32Array(count + 1);
    for (let index = 0; index < receivers.length; index++) {
      capacity[groupOfReceiver[index]!]! += allotments[receivers[index]!]!;
      start[groupOfReceiver[index]! + 1]! += 1;
    }
    for (let group = 0; group < count; group++) start[group + 1]! += start[group]!;
    const members = new Int32Array(receivers.length);
    const fill = start.slice(0, count);
    for (let index = 0; index < receivers.length; index++) members[fill[groupOfReceiver[index]!]!++] = receivers[index]!;
    return new RackGroups(count, groupOfRack, groupOfRack[noRackSlot]!, capacity, start, members);
  }

  receiversOf(group: number): Int32Array {
    return this.members.subarray(this.start[group], this.start[group + 1]);
  }
}

/**
 * Partitions grouped by the rack groups they match, listed in the order the partition names them (a class is
 * any set of partitions matching the same groups, so the same set in another order may be a second class).
 * The lists are a trie: class c extends class `parent[c]` by group `lastGroup[c]`; class 0 matches no group.
 */
class RackClasses {
  private constructor(
    readonly classOf: Int32Array,
    readonly size: readonly number[],
    readonly parent: readonly number[],
    readonly lastGroup: readonly number[],
  ) {}

  static of(racks: RackMatching, groups: RackGroups, partitions: ArrayLike<number>): RackClasses {
    const { partitionRacks, memberRackCount } = racks;
    const { groupOfRack, noRackGroup } = groups;
    const stride = groups.count + 1;
    const child = new Map<number, number>();
    const size = [0];
    const parent = [-1];
    const lastGroup = [-1];
    const extend = (klass: number, group: number): number => {
      const key = klass * stride + group;
      let next = child.get(key);
      if (next === undefined) {
        next = size.push(0) - 1;
        parent.push(klass);
        lastGroup.push(group);
        child.set(key, next);
      }
      return next;
    };

    const classOf = new Int32Array(partitions.length);
    for (let index = 0; index < partitions.length; index++) {
      const partition = partitions[index]!;
      let klass = noRackGroup < 0 ? 0 : extend(0, noRackGroup);
      for (let at = partitionRacks.firstRackIndex(partition); at < partitionRacks.firstRackIndex(partition + 1); at++) {
        const rack = partitionRacks.rackAt(at);
        if (rack < memberRackCount && groupOfRack[rack]! >= 0) klass = extend(klass, groupOfRack[rack]!);
      }
      classOf[index] = klass;
      size[klass]! += 1;
    }
    return new RackClasses(classOf, size, parent, lastGroup);
  }

  get count(): number {
    return this.size.length;
  }
}

/**
 * The group each partition goes to (by its index in `partitions`), UNPLACED for those no matching group can
 * take: a maximum flow from classes to the groups they match, and each class's flow dealt over its groups.
 */
function placeOnGroups(groups: RackGroups, classes: RackClasses, partitions: ArrayLike<number>): Int32Array {
  const firstGroupNode = FIRST_CLASS_NODE + classes.count;
  const network = new FlowNetwork(firstGroupNode + groups.count, classes.count * (groups.count + 1) + groups.count);
  const groupEdges: { readonly group: number; readonly edge: number }[][] = [];
  for (let klass = 0; klass < classes.count; klass++) {
    const edges: { readonly group: number; readonly edge: number }[] = [];
    if (classes.size[klass]! > 0) {
      network.addEdge(SOURCE, FIRST_CLASS_NODE + klass, classes.size[klass]!);
      for (let prefix = klass; prefix > 0; prefix = classes.parent[prefix]!) {
        const group = classes.lastGroup[prefix]!;
        edges.push({ group, edge: network.addEdge(FIRST_CLASS_NODE + klass, firstGroupNode + group, classes.size[klass]!) });
      }
    }
    groupEdges.push(edges);
  }
  for (let group = 0; group < groups.count; group++) network.addEdge(firstGroupNode + group, SINK, groups.capacity[group]!);
  network.maxFlow(SOURCE, SINK);

  const groupOfPartition = new Int32Array(partitions.length).fill(UNPLACED);
  const byClass = indicesByKey(classes.classOf, classes.count);
  const flows = new Int32Array(groups.count);
  for (let klass = 0; klass < classes.count; klass++) {
    const receiving: number[] = [];
    let placed = 0;
    for (const { group, edge } of groupEdges[klass]!) {
      const flow = network.flowOn(edge);
      if (flow === 0) continue;
      flows[group] = flow;
      receiving.push(group);
      placed += flow;
    }
    receiving.sort((a, b) => a - b);
    const placedIndices = byClass.indices.subarray(byClass.start[klass], byClass.start[klass]! + placed);
    dealRoundRobin(placedIndices, receiving, flows, (index, group) => (groupOfPartition[index] = group));
  }
  return groupOfPartition;
}

/** The indices of `keyOf` by key (keys from 0 to keyCount - 1; negative ones left out), ascending within each key. */
function indicesByKey(keyOf: Int32Array, keyCount: number): { readonly start: Int32Array; readonly indices: Int32Array } {
  const start = new Int32Array(keyCount + 1);
  for (let index = 0; index < keyOf.length; index++) {
    const key = keyOf[index]!;
    if (key >= 0) start[key + 1]! += 1;
  }
  for (let key = 0; key < keyCount; key++) start[key + 1]! += start[key]!;
  const fill = start.slice(0, keyCount);
  const indices = new Int32Array(start[keyCount]!);
  for (let index = 0; index < keyOf.length; index++) {
    const key = keyOf[index]!;
    if (key >= 0) indices[fill[key]!++] = index;
  }
  return { start, indices };
}
