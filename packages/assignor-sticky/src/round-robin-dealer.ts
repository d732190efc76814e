/**
 * Deals `partitions`, in order, one at a time to `receivers` in turn, each receiver taking part until its
 * allotment (indexed by receiver) is used up; every receiver listed must have a positive allotment, and the
 * allotments must add up to at least the number of partitions. Consecutive partitions go to different
 * receivers, which spreads each topic. O(partitions + receivers).
 */
export function dealRoundRobin(
  partitions: ArrayLike<number>,
  receivers: ArrayLike<number>,
  allotments: Int32Array,
  give: (partition: number, receiver: number) => void,
): void {
  const receiverCount = receivers.length;
  if (receiverCount === 0) return;
  // The receivers still taking part, as a circle of positions in `receivers`.
  const next = new Int32Array(receiverCount);
  for (let position = 0; position < receiverCount; position++) next[position] = (position + 1) % receiverCount;
  let previous = receiverCount - 1;
  let current = 0;
  for (let index = 0; index < partitions.length; index++) {
    const receiver = receivers[current]!;
    give(partitions[index]!, receiver);
    const left = allotments[receiver]! - 1;
    allotments[receiver] = left;
    if (left === 0) {
      if (next[current] === current) return;
      next[previous] = next[current]!;
    } else {
      previous = current;
    }
    current = next[current]!;
  }
}

/** Deals partitions to receivers within their allotments, as `dealRoundRobin` does (its contract is every dealer's). */
export type Dealer = typeof dealRoundRobin;
