/** How members subscribe: all to every topic, or in four overlapping buckets of half the topics each. */
export type SubscriptionShape = 'equal' | 'unequal';

/**
 * What the group looked like before this rebalance: nothing (every member new), or the previous round's
 * ownership carried by every member, after which one member left or one new member joined.
 */
export type History = 'fresh' | 'member-leaves' | 'member-joins';

export interface ScenarioSize {
  /** Members in this rebalance. */
  readonly members: number;
  readonly topics: number;
  readonly partitionsPerTopic: number;
}

export interface ScenarioVariant {
  readonly subscriptions: SubscriptionShape;
  readonly history: History;
  /** Members and partition replicas on three racks (KIP-881), or no racks at all. */
  readonly racks: boolean;
}

/** One generated scenario: its size, its variant, and the seed of everything drawn at random in it. */
export interface ScenarioSpec extends ScenarioSize, ScenarioVariant {
  readonly seed: number;
}

export function partitionCount(size: ScenarioSize): number {
  return size.topics * size.partitionsPerTopic;
}

/** A file-name-safe id, e.g. `2000m-500t-2000p-equal-member-joins-racks`. */
export function scenarioId(spec: ScenarioSize & ScenarioVariant): string {
  return `${spec.members}m-${spec.topics}t-${spec.partitionsPerTopic}p-${variantId(spec)}`;
}

export function variantId(variant: ScenarioVariant): string {
  return `${variant.subscriptions}-${variant.history}-${variant.racks ? 'racks' : 'no-racks'}`;
}

/** E.g. `unequal, member joins, racks`. */
export function variantLabel(variant: ScenarioVariant): string {
  return [variant.subscriptions, variant.history.replace('-', ' '), ...(variant.racks ? ['racks'] : [])].join(', ');
}

/** E.g. `2,000 members × 500 topics × 2,000 partitions`. */
export function sizeLabel(size: ScenarioSize): string {
  const n = (value: number) => value.toLocaleString('en-US');
  return `${n(size.members)} members × ${n(size.topics)} topics × ${n(size.partitionsPerTopic)} partitions`;
}
