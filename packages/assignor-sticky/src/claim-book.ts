import { NOBODY } from './nobody.js';

/** Two or more members claimed the partition with the same, highest generation: none of them keeps it. */
const CONTESTED = -2;
/**
 * Both halves of an entry nobody has claimed yet: as a generation it is below every generation a member can
 * send, so that the first claim always wins; as a claimant it is no member.
 */
const NO_CLAIM_YET = -0x80000000;
const LOWEST_GENERATION = -0x7fffffff;

/**
 * Who held each partition before, from the members' claims: the claim with the highest generation wins, and
 * when several share the highest generation nobody keeps the partition. The outcome depends on the claims only,
 * not on the order they come in. Each partition's claimant and generation sit side by side, because claims
 * arrive member by member, scattered over the partitions.
 */
export class ClaimBook {
  /** Allocated at the first claim: in a fresh group nobody claims anything. */
  private entries: Int32Array | null = null;

  constructor(private readonly partitionTotal: number) {}

  /** Whether any member claimed anything. */
  get hasClaims(): boolean {
    return this.entries !== null;
  }

  /** `member` held `partition` in `generation`; the caller has checked that the claim is valid. */
  claim(member: number, generation: number, partition: number): void {
    recordClaim(this.allocatedEntries(), member, Math.max(generation, LOWEST_GENERATION), partition);
  }

  /** `member` held the first `count` of `partitions` in `generation`; the caller has checked that they are valid. */
  claimAll(member: number, generation: number, partitions: Int32Array, count: number): void {
    const entries = this.allocatedEntries();
    const claimed = Math.max(generation, LOWEST_GENERATION);
    for (let index = 0; index < count; index++) recordClaim(entries, member, claimed, partitions[index]!);
  }

  /** The previous owner of each partition, NOBODY when there was none or its claimants cancelled each other out. */
  previousOwners(): Int32Array {
    const owners = new Int32Array(this.partitionTotal);
    const entries = this.entries;
    if (entries === null) return owners.fill(NOBODY);
    for (let partition = 0; partition < owners.length; partition++) {
      const claimant = entries[2 * partition]!;
      owners[partition] = claimant === CONTESTED || claimant === NO_CLAIM_YET ? NOBODY : claimant;
    }
    return owners;
  }

  private allocatedEntries(): Int32Array {
    return (this.entries ??= new Int32Array(2 * this.partitionTotal).fill(NO_CLAIM_YET));
  }
}

function recordClaim(entries: Int32Array, member: number, generation: number, partition: number): void {
  const at = 2 * partition;
  const best = entries[at + 1]!;
  if (generation > best) {
    entries[at] = member;
    entries[at + 1] = generation;
  } else if (generation === best && entries[at] !== member) {
    entries[at] = CONTESTED;
  }
}
