/** Whether `topic` is among a member's topic ids (ascending, as IndexedGroup keeps them). */
export function subscribesTo(topics: Int32Array, topic: number): boolean {
  let low = 0;
  let high = topics.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const id = topics[middle]!;
    if (id === topic) return true;
    if (id < topic) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
