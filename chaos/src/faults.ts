import type { Fault, FaultContext } from './fault.js';
import type { ChaosPod } from './pod/start-chaos-pod.js';
import { waitUntil } from './wait-until.js';

const RECOVERY_MS = 60_000;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function activePod({ pods }: FaultContext): ChaosPod {
  const active = pods.find((pod) => pod.killedAt() === null && pod.isActive());
  if (active === undefined) throw new Error('no pod is active before the fault');
  return active;
}

function standbyPod(context: FaultContext): ChaosPod {
  const standby = context.pods.find((pod) => pod.killedAt() === null && !pod.isActive());
  if (standby === undefined) throw new Error('no pod is standby before the fault');
  return standby;
}

/** Longer than the session timeout, by enough for the coordinator to expire the member and rebalance. */
const beyondSession = ({ settings }: FaultContext): number => settings.sessionTimeout + 4_000;

export const killActive: Fault = {
  name: 'kill-active',
  description: 'SIGKILL the active pod',
  nodes: 1,
  keepsActive: false,
  inject: (context) => {
    activePod(context).signal('SIGKILL');
    return Promise.resolve();
  },
};

/** `times` SIGSTOP/SIGCONT pauses of random pods (the active half the time), half of them past the session timeout. */
export function pauseAtRandom(times: number): Fault {
  return {
    name: 'pause-at-random',
    description: `SIGSTOP then SIGCONT ${times} times: a random pod (the active half the time), for 0.1 to 3 s or past the session timeout, 0 to 2 s apart`,
    nodes: 1,
    keepsActive: false,
    inject: async (context) => {
      const { pods, random, settings } = context;
      for (let pauseNumber = 0; pauseNumber < times; pauseNumber++) {
        const anyPod = pods[Math.floor(random() * pods.length)] as ChaosPod;
        // Between rebalances no pod may be active: then any pod it is.
        const target = random() < 0.5 ? (pods.find((pod) => pod.isActive()) ?? anyPod) : anyPod;
        const long = random() < 0.5;
        const ms = long ? settings.sessionTimeout + 500 + random() * 2_500 : 100 + random() * 2_900;
        target.signal('SIGSTOP');
        await pause(ms);
        target.signal('SIGCONT');
        if (long) await waitUntil(() => pods.filter((pod) => pod.isActive()).length === 1, RECOVERY_MS, 'one pod is active after a long pause');
        await pause(random() * 2_000);
      }
    },
  };
}

export const blockEventLoop: Fault = {
  name: 'block-event-loop',
  description: 'block the active pod\'s event loop (busy work) for the session timeout + 4 s',
  nodes: 1,
  keepsActive: false,
  inject: async (context) => {
    const active = activePod(context);
    const blocked = active.events.length;
    active.send({ command: 'block', ms: beyondSession(context) });
    await active.waitFor(
      (event) => event.event === 'role' && event.role === 'standby' && active.events.indexOf(event) > blocked,
      beyondSession(context) + RECOVERY_MS,
    );
  },
};

/** Holds every byte between the pod `pick` chooses and the brokers, for longer than the session timeout, then heals. */
function partition(pick: (context: FaultContext) => ChaosPod): (context: FaultContext) => Promise<void> {
  return async (context) => {
    const network = context.networks[context.pods.indexOf(pick(context))];
    network?.hold();
    await pause(beyondSession(context));
    network?.pass();
  };
}

export const partitionActive: Fault = {
  name: 'partition-active',
  description: 'hold every byte between the active pod and the brokers (a network partition) for the session timeout + 4 s, then heal',
  nodes: 1,
  keepsActive: false,
  inject: partition(activePod),
};

export const partitionStandby: Fault = {
  name: 'partition-standby',
  description: 'hold every byte between a standby pod and the brokers for the session timeout + 4 s, then heal: the active must keep its role',
  nodes: 1,
  keepsActive: true,
  inject: partition(standbyPod),
};

export const restartBroker: Fault = {
  name: 'restart-broker',
  description: 'SIGKILL the only broker, then restart it on the same data',
  nodes: 1,
  keepsActive: false,
  inject: async ({ cluster }) => {
    const node = cluster.nodes[0];
    if (node === undefined) throw new Error('the cluster has no node');
    await node.kill();
    await node.restart();
  },
};

export const killCoordinator: Fault = {
  name: 'kill-coordinator',
  description: 'SIGKILL the group coordinator of a three-broker KRaft cluster, then restart it on the same data',
  nodes: 3,
  keepsActive: false,
  inject: async ({ cluster }) => {
    const coordinator = await cluster.coordinatorNodeId();
    const node = cluster.nodes.find(({ nodeId }) => nodeId === coordinator);
    if (node === undefined) throw new Error(`no node ${coordinator} in the cluster`);
    await node.kill();
    await node.restart();
  },
};

/** SIGKILL the active, with the pods' session timeout at `sessionTimeout`: the failover side of the trade-off. */
export function killActiveWithSession(sessionTimeout: number): Fault {
  return { ...killActive, name: `kill-active, session ${sessionTimeout / 1000} s`, sessionTimeout };
}

/** SIGSTOP the active for `freezeMs`, then SIGCONT: whether it keeps its role is the false-expiry side of the trade-off. */
export function freezeActive(freezeMs: number, sessionTimeout: number): Fault {
  return {
    name: `freeze-active ${freezeMs / 1000} s, session ${sessionTimeout / 1000} s`,
    description: `SIGSTOP the active pod for ${freezeMs / 1000} s, then SIGCONT, with a ${sessionTimeout / 1000} s session timeout`,
    nodes: 1,
    keepsActive: false,
    sessionTimeout,
    inject: async (context) => {
      const active = activePod(context);
      active.signal('SIGSTOP');
      await pause(freezeMs);
      active.signal('SIGCONT');
    },
  };
}
