export interface BrokerSettings {
  /** Port of the PLAINTEXT listener that clients bootstrap from. */
  readonly brokerPort: number;
  /** Port of the KRaft CONTROLLER listener. */
  readonly controllerPort: number;
  /** Directory for the partition logs and the KRaft metadata log. */
  readonly dataDir: string;
  /** Extra or overriding `server.properties` entries. */
  readonly overrides?: Readonly<Record<string, string | number | boolean>>;
}

const NODE_ID = 1;
const HOST = '127.0.0.1';

/** The `server.properties` of a single combined broker+controller node on 127.0.0.1, tuned for tests. */
export function renderServerProperties(settings: BrokerSettings): string {
  const { brokerPort, controllerPort, dataDir } = settings;
  const properties: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': NODE_ID,
    // A static voter list lets plain `StorageTool format` work, without --standalone.
    'controller.quorum.voters': `${NODE_ID}@${HOST}:${controllerPort}`,
    listeners: `PLAINTEXT://${HOST}:${brokerPort},CONTROLLER://${HOST}:${controllerPort}`,
    // 127.0.0.1 rather than localhost, so clients never try an IPv6 address nothing listens on.
    'advertised.listeners': `PLAINTEXT://${HOST}:${brokerPort}`,
    'inter.broker.listener.name': 'PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'log.dirs': dataDir,
    // The defaults (3) cannot be met by one node: groups would never find a coordinator.
    'offsets.topic.replication.factor': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'default.replication.factor': 1,
    'min.insync.replicas': 1,
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
    ...settings.overrides,
  };
  return Object.entries(properties)
    .map(([key, value]) => `${key}=${String(value)}\n`)
    .join('');
}
