import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { parseBrokerList } from './broker-list.js';

const REBALANCE_PROTOCOLS = 'group.coordinator.rebalance.protocols';

/**
 * Whether the cluster takes KIP-848 consumer-protocol members: its brokers' `group.coordinator.rebalance.protocols`
 * lists `consumer` (the 4.x default; 3.9 lists `classic` only unless configured to). API versions do not tell:
 * a 3.9 broker lists ConsumerGroupHeartbeat whether or not the protocol is on.
 */
export async function takesConsumerProtocolMembers(brokers: string): Promise<boolean> {
  const admin = new Kafka({ clientId: 'local-kafka-probe', brokers: parseBrokerList(brokers), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const { brokers: nodes } = await admin.describeCluster();
    const [node] = nodes;
    if (node === undefined) throw new Error(`the cluster at ${brokers} lists no broker`);
    const { resources } = await admin.describeConfigs({
      resources: [{ type: ConfigResourceTypes.BROKER, name: String(node.nodeId), configNames: [REBALANCE_PROTOCOLS] }],
      includeSynonyms: false,
    });
    const value = resources[0]?.configEntries.find(({ configName }) => configName === REBALANCE_PROTOCOLS)?.configValue ?? '';
    return value.split(',').some((protocol) => protocol.trim() === 'consumer');
  } finally {
    await admin.disconnect();
  }
}
