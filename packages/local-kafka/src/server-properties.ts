import type { KafkaLine } from './kafka-version.js';
import { MUTUAL_TLS_LISTENER, SASL_SSL_LISTENER, securedProperties, type SecuredNodeSettings } from './secured/secured-listeners.js';

export interface BrokerSettings {
  /** The broker's line of releases, whose settings differ. */
  readonly line: KafkaLine;
  /** Port of the PLAINTEXT listener that clients bootstrap from. */
  readonly brokerPort: number;
  /** Port of the KRaft CONTROLLER listener. */
  readonly controllerPort: number;
  /** Directory for the partition logs and the KRaft metadata log. */
  readonly dataDir: string;
  /** Extra or overriding `server.properties` entries. */
  readonly overrides?: Readonly<Record<string, string | number | boolean>>;
  /** This node's id in a cluster of several; 1 when alone. */
  readonly nodeId?: number;
  /** Every controller of a cluster of several, this node included; this node alone when absent. */
  readonly voters?: readonly { readonly nodeId: number; readonly controllerPort: number }[];
  /**
   * Further PLAINTEXT listeners, each bound to `port` and advertised at `advertisedPort`, where a proxy of
   * the caller's forwards to it: a client that bootstraps on one is sent to the advertised ports of every node.
   */
  readonly proxiedListeners?: readonly { readonly name: string; readonly port: number; readonly advertisedPort: number }[];
  /** A SASL_SSL listener and a mutual-TLS one, besides PLAINTEXT. */
  readonly secured?: SecuredNodeSettings;
}

const HOST = '127.0.0.1';

/** The `server.properties` of one combined broker+controller node on 127.0.0.1, tuned for tests. */
export function renderServerProperties(settings: BrokerSettings): string {
  const { brokerPort, controllerPort, dataDir, nodeId = 1, proxiedListeners = [], secured } = settings;
  const voters = settings.voters ?? [{ nodeId, controllerPort }];
  // Internal topics replicated to every node, up to 3, and writes need all but one of those replicas.
  const replicas = Math.min(voters.length, 3);
  const inSync = Math.max(1, replicas - 1);
  const listener = (name: string, port: number): string => `${name}://${HOST}:${port}`;
  const securedListeners = secured === undefined ? [] : [listener(SASL_SSL_LISTENER, secured.saslSslPort), listener(MUTUAL_TLS_LISTENER, secured.mutualTlsPort)];
  const properties: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': nodeId,
    // A static voter list lets plain `StorageTool format` work, without --standalone.
    'controller.quorum.voters': voters.map((voter) => `${voter.nodeId}@${HOST}:${voter.controllerPort}`).join(','),
    listeners: [
      listener('PLAINTEXT', brokerPort),
      listener('CONTROLLER', controllerPort),
      ...proxiedListeners.map(({ name, port }) => listener(name, port)),
      ...securedListeners,
    ].join(','),
    // 127.0.0.1 rather than localhost, so clients never try an IPv6 address nothing listens on.
    'advertised.listeners': [
      listener('PLAINTEXT', brokerPort),
      ...proxiedListeners.map(({ name, advertisedPort }) => listener(name, advertisedPort)),
      ...securedListeners,
    ].join(','),
    'inter.broker.listener.name': 'PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': [
      'CONTROLLER:PLAINTEXT',
      'PLAINTEXT:PLAINTEXT',
      ...proxiedListeners.map(({ name }) => `${name}:PLAINTEXT`),
      ...(secured === undefined ? [] : [`${SASL_SSL_LISTENER}:SASL_SSL`, `${MUTUAL_TLS_LISTENER}:SSL`]),
    ].join(','),
    'log.dirs': dataDir,
    // The defaults (3) cannot be met by one node: groups would never find a coordinator.
    'offsets.topic.replication.factor': replicas,
    'transaction.state.log.replication.factor': replicas,
    'transaction.state.log.min.isr': inSync,
    'default.replication.factor': replicas,
    'min.insync.replicas': inSync,
    // One partition instead of 50 makes the first group join (which creates the topic) fast.
    'offsets.topic.num.partitions': 1,
    'transaction.state.log.num.partitions': 1,
    // The first rebalance of a new group would otherwise wait 3 s for more members.
    'group.initial.rebalance.delay.ms': 0,
    // Lets tests use short session timeouts, so a departed member is noticed in about a second.
    'group.min.session.timeout.ms': 1000,
    // Tests create their topics explicitly, with the partition count they need.
    'auto.create.topics.enable': false,
    'num.partitions': 1,
    // Two cores on CI: fewer threads than the defaults sized for servers.
    'num.network.threads': 2,
    'num.io.threads': 4,
    'num.recovery.threads.per.data.dir': 1,
    ...(settings.line === '4' ? kafka4Properties(replicas, inSync) : {}),
    ...(secured === undefined ? {} : securedProperties(secured)),
    ...settings.overrides,
  };
  return Object.entries(properties)
    .map(([key, value]) => `${key}=${String(value)}\n`)
    .join('');
}

/** What 4.x adds: its share-group state topic, and quicker KIP-848 consumer groups. */
function kafka4Properties(replicas: number, inSync: number): Record<string, number> {
  return {
    // Another internal topic with a default replication factor of 3 (KIP-932).
    'share.coordinator.state.topic.replication.factor': replicas,
    'share.coordinator.state.topic.min.isr': inSync,
    // Members of consumer-protocol groups learn their assignment from heartbeats, every 5 s by default.
    'group.consumer.min.heartbeat.interval.ms': 500,
    'group.consumer.heartbeat.interval.ms': 1000,
  };
}
