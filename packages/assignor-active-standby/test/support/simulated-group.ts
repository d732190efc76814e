import { decodeSubscription, encodeSubscription, type TopicMetadata } from '@kafka-assignors/core';
import { applyChurnEvent, GroupSimulator, type ChurnEvent } from '@kafka-assignors/core/testing';
import { activeStandbyAssignor, type ActiveStandbyAssignor, type RoleChange } from '@kafka-assignors/assignor-active-standby';
import { silentLogger } from './recording-logger.js';

/** The settings of one consumer process; a process takes the settings at its join number, modulo their count. */
export interface MemberSettings {
  readonly priority: number;
  readonly name: string | null;
  readonly preempt: boolean;
  readonly eligibleAtStart: boolean;
  /** `garbage` and `missing` members send user data the leader cannot read, in a subscription it can. */
  readonly userData: 'readable' | 'garbage' | 'missing';
}

/** A member starts or stops being eligible, and rejoins so that it counts. */
export interface EligibilityEvent {
  readonly kind: 'set-eligible';
  readonly member: number;
  readonly eligible: boolean;
}

export type HistoryEvent = ChurnEvent | EligibilityEvent;

/**
 * A GroupSimulator of active-standby members, each with its own settings and assignor instance, recording
 * the role changes each process is told about.
 */
export class SimulatedGroup {
  readonly simulator: GroupSimulator;
  private readonly assignors = new Map<string, ActiveStandbyAssignor>();
  private readonly eligibility = new Map<string, boolean>();
  private readonly staticMembers = new Set<string>();
  private readonly roleChanges = new Map<string, RoleChange[]>();

  constructor(
    private readonly settings: readonly MemberSettings[],
    topics: Iterable<readonly [string, TopicMetadata]>,
  ) {
    this.simulator = new GroupSimulator({
      createAssignor: (name) => this.createAssignor(name),
      topics,
      throwOnViolation: true,
      tamperSubscription: (name, bytes) => this.tamper(name, bytes),
    });
  }

  settingsOf(name: string): MemberSettings {
    const settings = this.settings[Number(name.slice('churn-'.length)) % this.settings.length];
    if (settings === undefined) throw new Error(`no settings for ${name}`);
    return settings;
  }

  assignor(name: string): ActiveStandbyAssignor {
    const assignor = this.assignors.get(name);
    if (assignor === undefined) throw new Error(`no process is named ${name}`);
    return assignor;
  }

  isEligible(name: string): boolean {
    return this.eligibility.get(name) ?? this.settingsOf(name).eligibleAtStart;
  }

  isStatic(name: string): boolean {
    return this.staticMembers.has(name);
  }

  /** The role changes this process was told about since the last call. */
  takeRoleChanges(name: string): RoleChange[] {
    const changes = this.roleChanges.get(name) ?? [];
    this.roleChanges.set(name, []);
    return changes;
  }

  /** Applies the event without rebalancing. */
  apply(event: HistoryEvent): void {
    if (event.kind === 'set-eligible') {
      const names = this.simulator.memberNames;
      const name = names[event.member % Math.max(1, names.length)];
      if (name === undefined) return;
      this.eligibility.set(name, event.eligible);
      this.simulator.changeSubscription(name, this.simulator.context(name).topics);
      return;
    }
    if (event.kind === 'join' && event.isStatic) this.staticMembers.add(`churn-${this.simulator.joinCount}`);
    applyChurnEvent(this.simulator, event);
  }

  private createAssignor(name: string): ActiveStandbyAssignor {
    const { priority, name: configuredName, preempt } = this.settingsOf(name);
    const assignor = activeStandbyAssignor({
      priority,
      preempt,
      eligible: () => this.isEligible(name),
      logger: silentLogger,
      ...(configuredName === null ? {} : { name: configuredName }),
    });
    assignor.on('roleChange', (change) => {
      this.roleChanges.set(name, [...(this.roleChanges.get(name) ?? []), change]);
    });
    this.assignors.set(name, assignor);
    return assignor;
  }

  private tamper(name: string, bytes: Uint8Array): Uint8Array {
    const { userData } = this.settingsOf(name);
    if (userData === 'readable') return bytes;
    const subscription = decodeSubscription(bytes);
    return encodeSubscription({ ...subscription, userData: userData === 'garbage' ? Uint8Array.of(0x00, 0x01, 0x80) : null });
  }
}
