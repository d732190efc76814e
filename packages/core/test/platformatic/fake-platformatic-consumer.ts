import { channel } from 'node:diagnostics_channel';
import { EventEmitter } from 'node:events';
import type { PlatformaticGroupOptions } from '@kafka-assignors/core';

type Metadata = Parameters<PlatformaticGroupOptions['partitionAssigner']>[3];

export interface JoinedMember {
  readonly memberId: string;
  readonly groupInstanceId?: string | null;
  readonly metadata: Uint8Array;
}

let nextInstanceId = 9000;

/** Metadata as the client hands it to its hooks: `partitionCounts` by topic, brokers without racks unless given. */
export function clientMetadata(partitionCounts: Record<string, number>, racksOfNodes: Record<number, string> = {}, replicas: number[] = []): Metadata {
  return {
    brokers: new Map(Object.entries(racksOfNodes).map(([node, rack]) => [Number(node), { rack }])),
    topics: new Map(
      Object.entries(partitionCounts).map(([topic, count]) => [
        topic,
        { partitionsCount: count, partitions: Array.from({ length: count }, () => ({ replicas })) },
      ]),
    ),
  };
}

/**
 * Plays a @platformatic/kafka 2.x consumer's side of the adapter, step by step, as the client does: it publishes
 * its group operations and its JoinGroup and SyncGroup exchanges on the client's diagnostics channels, calls
 * the hooks of the options it was given, and emits its events.
 */
export class FakePlatformaticConsumer extends EventEmitter {
  readonly instanceId = nextInstanceId++;
  readonly groupId = 'orders';
  private joinRequest: object | null = null;

  constructor(
    readonly options: PlatformaticGroupOptions,
    private readonly sessionTimeout = 10_000,
  ) {
    super();
  }

  /** `joinGroup` (or a rejoin) starts: the client's group operation, then the user data for the request. */
  startJoin(topics: string[], metadata: Metadata = clientMetadata({})): Buffer {
    channel('tracing:plt:kafka:consumer:group:start').publish({
      client: this,
      operation: 'joinGroup',
      options: { protocolsMetadata: this.options.protocolsMetadata, sessionTimeout: this.sessionTimeout },
    });
    return this.options.protocolsMetadata(this.options.protocols, topics, metadata, () => undefined);
  }

  /** The JoinGroup request is written to the coordinator's connection. */
  sendJoin(): void {
    this.joinRequest = { connection: { ownerId: this.instanceId }, apiKey: 11 };
    channel('tracing:plt:kafka:connections:api:start').publish(this.joinRequest);
  }

  answerJoin(response: { memberId: string; leader: string; generationId: number; members: JoinedMember[] }): void {
    const request = this.joinRequest ?? { connection: { ownerId: this.instanceId }, apiKey: 11 };
    const members = response.members.map(({ memberId, groupInstanceId = null, metadata }) => ({ memberId, groupInstanceId, metadata: Buffer.from(metadata) }));
    channel('tracing:plt:kafka:connections:api:asyncStart').publish(Object.assign(request, { result: { protocolName: this.options.protocols[0]?.name ?? null, ...response, members } }));
  }

  /** The leader's `partitionAssigner`, with the members as the client decoded them (only their ids matter here). */
  assign(leaderId: string, memberIds: string[], metadata: Metadata): ReturnType<PlatformaticGroupOptions['partitionAssigner']> {
    const members = new Map(memberIds.map((memberId) => [memberId, { memberId }]));
    return this.options.partitionAssigner(leaderId, members, new Set(metadata.topics.keys()), metadata);
  }

  answerSync(assignment: Uint8Array): void {
    channel('tracing:plt:kafka:connections:api:asyncStart').publish({ connection: { ownerId: this.instanceId }, apiKey: 14, result: { assignment: Buffer.from(assignment) } });
  }

  completeJoin(payload: { memberId: string; generationId: number; isLeader: boolean; assignments: { topic: string; partitions: number[] }[] }): void {
    this.emit('consumer:group:join', { groupId: this.groupId, ...payload });
  }

  /** A heartbeat: `start` as the client sends it, `end` when the coordinator accepted it (one payload object for both). */
  heartbeat(memberId: string, generationId: number): { start(): void; end(): void } {
    const payload = { groupId: this.groupId, memberId, generationId };
    return {
      start: () => this.emit('consumer:heartbeat:start', payload),
      end: () => this.emit('consumer:heartbeat:end', payload),
    };
  }
}
