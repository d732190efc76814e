import { activeStandbyAssignor, type ActiveStandbyAssignor, type ActiveStandbyLogger } from '@kafka-assignors/assignor-active-standby';
import { GroupLedger, startKafkaJSMember, type KafkaJSGroupMember } from '@kafka-assignors/local-kafka';

const quiet: ActiveStandbyLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface ActiveStandbyPod {
  readonly name: string;
  readonly priority: number;
  readonly assignor: ActiveStandbyAssignor;
  readonly member: KafkaJSGroupMember;
  readonly memberId: string;
}

export interface TwoActiveStandbyPods {
  readonly active: ActiveStandbyPod;
  readonly standby: ActiveStandbyPod;
}

/**
 * pod-a (priority 20) and pod-b (priority 10) in one active-standby group of KafkaJS consumers, resolved once
 * both hold their roles of one generation. Each member stops with the test.
 */
export async function startTwoActiveStandbyPods(options: {
  readonly brokers: string[];
  readonly groupId: string;
  readonly topic: string;
  readonly stopsWithTheTest: (stop: () => Promise<unknown>) => void;
}): Promise<TwoActiveStandbyPods> {
  const ledger = new GroupLedger();
  const pods: Omit<ActiveStandbyPod, 'memberId'>[] = [];
  for (const [name, priority] of [['pod-a', 20], ['pod-b', 10]] as const) {
    const assignor = activeStandbyAssignor({ name, priority, logger: quiet });
    const member = await startKafkaJSMember({ brokers: options.brokers, groupId: options.groupId, topic: options.topic, clientId: name, assignor, ledger });
    options.stopsWithTheTest(() => member.stop());
    pods.push({ name, priority, assignor, member });
  }
  await ledger.changes.until(
    () => {
      const latest = ledger.latestGeneration();
      return latest?.members.length === 2 && pods.every(({ assignor }) => assignor.roleState().generationId === latest.generationId);
    },
    () => `both pods assigned in one generation; ${ledger.describe()}`,
  );
  const withIds = pods.map((pod) => {
    const { memberId } = pod.assignor.roleState();
    if (memberId === null) throw new Error(`${pod.name} has no member id`);
    return { ...pod, memberId };
  });
  const active = withIds.find(({ assignor }) => assignor.roleState().role === 'active');
  const standby = withIds.find((pod) => pod !== active);
  if (active === undefined || standby === undefined) throw new Error(`no active pod: ${JSON.stringify(pods.map(({ assignor }) => assignor.roleState()))}`);
  return { active, standby };
}
