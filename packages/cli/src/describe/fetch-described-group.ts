import { Kafka, logLevel, type Broker, type Cluster } from 'kafkajs';
import { ClusterError, clusterErrorFrom } from './cluster-error.js';
import { DESCRIBE_GROUPS_API_KEY, DESCRIBE_GROUPS_VERSION, describeGroupRequest, type DescribedGroupBytes, type KafkaJSProtocolRequest } from './describe-groups-request.js';

/** KafkaJS' Broker beyond its typings: the API versions it agreed with the broker, and its connections. */
interface CoordinatorBroker {
  readonly versions: Readonly<Record<number, { readonly maxVersion: number } | undefined>>;
  readonly connectionPool: { send<Decoded, Result>(request: KafkaJSProtocolRequest<Decoded, Result>): Promise<Result> };
  /** ListGroups of this broker: the groups it coordinates, of every type. */
  listGroups(): Promise<{ groups: { groupId: string; protocolType: string }[] }>;
}

/**
 * Short timeouts and few retries: an unreachable broker is reported within seconds, where KafkaJS' defaults
 * keep retrying for about half a minute.
 */
const CLIENT_SETTINGS = {
  clientId: 'kafka-assignors',
  connectionTimeout: 2000,
  requestTimeout: 5000,
  // The command reports a failure in one line of its own; KafkaJS' log would add its own lines to standard error.
  logLevel: logLevel.NOTHING,
};

/**
 * Asks `groupId`'s coordinator for the group, through KafkaJS' connections (bootstrap, coordinator lookup,
 * retries) and a DescribeGroups version of our own, the first that reports group instance ids. Throws a
 * ClusterError when no broker answers, the group does not exist, or the coordinator refuses.
 */
export async function fetchDescribedGroup(brokers: readonly string[], groupId: string): Promise<DescribedGroupBytes> {
  // KafkaJS tries the next bootstrap broker on each retry: as many retries as brokers tries each at least once.
  const retry = { retries: brokers.length, initialRetryTime: 100, maxRetryTime: 1000 };
  const cluster = kafkajsCluster(new Kafka({ ...CLIENT_SETTINGS, brokers: [...brokers], retry }), groupId);
  try {
    await cluster.connect();
    const coordinator = (await cluster.findGroupCoordinator({ groupId })) as Broker & CoordinatorBroker;
    const supported = coordinator.versions[DESCRIBE_GROUPS_API_KEY]?.maxVersion ?? -1;
    if (supported < DESCRIBE_GROUPS_VERSION) {
      throw new ClusterError(`the coordinator of group "${groupId}" speaks DescribeGroups up to version ${supported}; describe needs ${DESCRIBE_GROUPS_VERSION} (Kafka 2.4 or later)`);
    }
    const group = await coordinator.connectionPool.send(describeGroupRequest(groupId));
    if (group.state === 'Dead') throw await deadGroupError(coordinator, brokers, groupId);
    return group;
  } catch (error) {
    throw error instanceof ClusterError ? error : clusterErrorFrom(error, brokers, `describing group "${groupId}"`);
  } finally {
    await cluster.disconnect();
  }
}

/**
 * DescribeGroups answers Dead both for a group that does not exist and for a KIP-848 consumer-protocol group
 * (Kafka 4.x), which is not a classic group; the coordinator's list of its groups tells them apart.
 */
async function deadGroupError(coordinator: CoordinatorBroker, brokers: readonly string[], groupId: string): Promise<ClusterError> {
  const { groups } = await coordinator.listGroups();
  if (!groups.some((listed) => listed.groupId === groupId)) return new ClusterError(`group "${groupId}" does not exist on ${brokers.join(',')}`);
  return new ClusterError(
    `group "${groupId}" is a consumer-protocol group (KIP-848): its members use group.protocol=consumer and the broker assigns their partitions ` +
      'with its own assignor, so no member has a subscription or assignment of the classic protocol to show. describe reads classic groups; ' +
      `kafka-consumer-groups.sh --describe --group ${groupId} --members --verbose shows this one`,
  );
}

/**
 * KafkaJS hands its cluster (connections, metadata, coordinator lookup) only to partition assigners, when a
 * consumer is created. This consumer is never connected: it joins nothing.
 */
function kafkajsCluster(kafka: Kafka, groupId: string): Cluster {
  let captured: Cluster | undefined;
  kafka.consumer({
    groupId,
    partitionAssigners: [
      ({ cluster }) => {
        captured = cluster;
        return { name: 'describe', version: 0, protocol: () => ({ name: 'describe', metadata: Buffer.alloc(0) }), assign: () => Promise.resolve([]) };
      },
    ],
  });
  if (captured === undefined) throw new Error('KafkaJS did not create the assigner of a new consumer');
  return captured;
}
