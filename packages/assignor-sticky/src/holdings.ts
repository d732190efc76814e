import { NOBODY } from './nobody.js';
import type { TopicClasses } from './topic-classes.js';

const EMPTY = -1;
/** A held partition is in one of two stacks of its (member, class) pair: claimed by the member before, or not. */
const CLAIMED = 0;
const FOREIGN = 1;

/**
 * Who holds which partition while the unequal-subscription assignment is built, by (member, topic class)
 * pair: how many partitions of the class the member holds, how many of those it did not claim (moving one of
 * them costs no stickiness), and the partitions themselves in two stacks, claimed and foreign, so that the one
 * to give up is found in constant time: the last one received, which for claims is the one with the highest
 * partition number when they were received in `partitionNumberOrder`.
 */
export class Holdings {
  readonly owner: Int32Array;
  /** Partitions held, by member. */
  readonly count: Int32Array;
  /** Partitions of the class held, by pair. */
  readonly held: Int32Array;
  /** Of those, the ones the member did not claim, by pair. */
  readonly foreign: Int32Array;
  private readonly top: Int32Array;
  private readonly below: Int32Array;

  constructor(
    private readonly classes: TopicClasses,
    private readonly previousOwner: Int32Array,
    memberCount: number,
  ) {
    const pairCount = classes.pairClass.length;
    this.owner = new Int32Array(previousOwner.length).fill(NOBODY);
    this.count = new Int32Array(memberCount);
    this.held = new Int32Array(pairCount);
    this.foreign = new Int32Array(pairCount);
    this.top = new Int32Array(2 * pairCount).fill(EMPTY);
    this.below = new Int32Array(previousOwner.length);
  }

  /** Gives an unassigned partition to a member that subscribes to its topic. */
  give(partition: number, member: number): void {
    const pair = this.classes.pairOf(member, this.classes.classOfPartition[partition]!);
    const kind = this.previousOwner[partition] === member ? CLAIMED : FOREIGN;
    this.below[partition] = this.top[2 * pair + kind]!;
    this.top[2 * pair + kind] = partition;
    this.owner[partition] = member;
    this.count[member]! += 1;
    this.held[pair]! += 1;
    if (kind === FOREIGN) this.foreign[pair]! += 1;
  }

  /**
   * Takes a partition of the pair's class from its member, leaving it unassigned: the last foreign one
   * received, else, if `claimedToo`, the last claimed one; -1 when there is none.
   */
  take(pair: number, claimedToo: boolean): number {
    let kind = FOREIGN;
    if (this.top[2 * pair + FOREIGN] === EMPTY) {
      if (!claimedToo) return EMPTY;
      kind = CLAIMED;
    }
    const partition = this.top[2 * pair + kind]!;
    if (partition === EMPTY) return EMPTY;
    this.top[2 * pair + kind] = this.below[partition]!;
    this.count[this.owner[partition]!]! -= 1;
    this.held[pair]! -= 1;
    if (kind === FOREIGN) this.foreign[pair]! -= 1;
    this.owner[partition] = NOBODY;
    return partition;
  }
}
