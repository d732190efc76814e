import type { GroupSimulator } from './group-simulator.js';

/**
 * One change to a simulated group. Members and zombies are picked by position modulo how many there are
 * at that moment, so that any list of events applies to any group; an event with nobody to pick does nothing.
 */
export type ChurnEvent =
  | { readonly kind: 'join'; readonly topics: readonly string[]; readonly rackId: string | null; readonly isStatic: boolean }
  | { readonly kind: 'leave'; readonly member: number }
  | { readonly kind: 'crash'; readonly member: number }
  /** The broker expires the member; the process lives on as a zombie that `zombie-rejoin` brings back. */
  | { readonly kind: 'expire'; readonly member: number }
  | { readonly kind: 'zombie-rejoin'; readonly zombie: number }
  | { readonly kind: 'change-subscription'; readonly member: number; readonly topics: readonly string[] }
  /** Adds partitions to a topic, creating it when it does not exist. */
  | { readonly kind: 'add-partitions'; readonly topic: string; readonly count: number }
  | { readonly kind: 'delete-topic'; readonly topic: string };

function pick(names: readonly string[], position: number): string | undefined {
  return names.length === 0 ? undefined : names[position % names.length];
}

/** Applies one event to the simulator, without rebalancing. A joining process is named `churn-<join count>`. */
export function applyChurnEvent(simulator: GroupSimulator, event: ChurnEvent): void {
  switch (event.kind) {
    case 'join': {
      const name = `churn-${simulator.joinCount}`;
      simulator.join(name, { topics: event.topics, rackId: event.rackId, groupInstanceId: event.isStatic ? name : null });
      return;
    }
    case 'leave':
    case 'crash':
    case 'expire': {
      const name = pick(simulator.memberNames, event.member);
      if (name !== undefined) simulator[event.kind](name);
      return;
    }
    case 'zombie-rejoin': {
      const name = pick(simulator.zombieNames, event.zombie);
      if (name !== undefined) simulator.rejoinZombie(name);
      return;
    }
    case 'change-subscription': {
      const name = pick(simulator.memberNames, event.member);
      if (name !== undefined) simulator.changeSubscription(name, event.topics);
      return;
    }
    case 'add-partitions':
      // The event does not say where the new partitions' replicas live: no racks are known for them.
      simulator.addPartitions(event.topic, event.count);
      return;
    case 'delete-topic':
      simulator.deleteTopic(event.topic);
      return;
  }
}
