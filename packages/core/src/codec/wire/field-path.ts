/**
 * Names the field being read or written, e.g. `Subscription.OwnedPartitions[2].Partitions[7]`, given the
 * indexes of the array elements it sits in (unused ones are 0). The path is built only when something is
 * wrong, so the hot loops pass two numbers instead of building a string per element.
 */
export type FieldPath = (index: number, innerIndex: number) => string;
