import { subscribe } from 'node:diagnostics_channel';
import type { PlatformaticConsumer, PlatformaticJoinGroupResponse, PlatformaticSyncGroupResponse } from './contract.js';

/** Kafka API keys of the group requests the adapter follows. */
const JOIN_GROUP = 11;
const SYNC_GROUP = 14;

/** What the tap tells the adapter of one consumer. */
export interface TappedConsumer {
  /** The consumer started a join (its `joinGroup`, or a rejoin), with the session timeout of that join. */
  joining(consumer: PlatformaticConsumer, sessionTimeoutMs: number): void;
  /** A JoinGroup request of the consumer is being written to its socket. */
  joinSent(request: object): void;
  /** The JoinGroup request `request` was answered without error. */
  joined(request: object, response: PlatformaticJoinGroupResponse): void;
  /** A SyncGroup request was answered without error. */
  synced(response: PlatformaticSyncGroupResponse): void;
}

interface GroupOperation {
  readonly client?: unknown;
  readonly operation?: unknown;
  readonly options?: { readonly protocolsMetadata?: unknown; readonly sessionTimeout?: unknown };
}

interface ApiCall {
  readonly connection?: { readonly ownerId?: unknown };
  readonly apiKey?: unknown;
  readonly result?: unknown;
}

/** Adapters by the `protocolsMetadata` function they handed out: how a joining consumer is recognised as theirs. */
const adaptersByHook = new WeakMap<object, TappedConsumer>();
/** Adapters by the instance id of the consumer they serve, which its connections carry as `ownerId`. */
const adaptersByOwner = new Map<number, TappedConsumer>();
let subscribed = false;

/**
 * @platformatic/kafka gives its `partitionAssigner` the decoded subscriptions but not the group instance ids,
 * keeps no assignment user data, and has no `onAssignment`. It does publish every group operation and every
 * request and response on node:diagnostics_channel: `plt:kafka:consumer:group` names the consumer and the
 * options of each join, and `plt:kafka:connections:api` carries each request as it is written to the socket and
 * each decoded response, on connections owned by the consumer's instance id. The tap reads the JoinGroup and
 * SyncGroup exchanges there, so the adapter sees what KafkaJS' adapter sees: members as sent, assignments with
 * their user data, send times.
 */
export function tapConsumerOf(protocolsMetadata: object, adapter: TappedConsumer): void {
  adaptersByHook.set(protocolsMetadata, adapter);
  if (subscribed) return;
  subscribed = true;
  // The tracing channels' events, each its own channel: `tracing:<name>:start` as the operation starts,
  // `tracing:<name>:asyncStart` as its callback is about to run with the decoded response.
  subscribe('tracing:plt:kafka:consumer:group:start', (message) => {
    const context = message as GroupOperation;
    if (context.operation !== 'joinGroup') return;
    const hook = context.options?.protocolsMetadata;
    const target = typeof hook === 'function' ? adaptersByHook.get(hook) : undefined;
    const consumer = context.client as PlatformaticConsumer | undefined;
    if (target === undefined || consumer === undefined) return;
    adaptersByOwner.set(consumer.instanceId, target);
    target.joining(consumer, Number(context.options?.sessionTimeout));
  });
  subscribe('tracing:plt:kafka:connections:api:start', (message) => {
    const context = message as ApiCall;
    if (context.apiKey === JOIN_GROUP) ownerOf(context)?.joinSent(context);
  });
  subscribe('tracing:plt:kafka:connections:api:asyncStart', (message) => {
    const context = message as ApiCall;
    if (context.result === undefined) return;
    if (context.apiKey === JOIN_GROUP) ownerOf(context)?.joined(context, context.result as PlatformaticJoinGroupResponse);
    else if (context.apiKey === SYNC_GROUP) ownerOf(context)?.synced(context.result as PlatformaticSyncGroupResponse);
  });
}

/** Forgets the consumer, once it is closed. */
export function untapConsumer(consumer: PlatformaticConsumer): void {
  adaptersByOwner.delete(consumer.instanceId);
}

function ownerOf(call: ApiCall): TappedConsumer | undefined {
  const owner = call.connection?.ownerId;
  return typeof owner === 'number' ? adaptersByOwner.get(owner) : undefined;
}
