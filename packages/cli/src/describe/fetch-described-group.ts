import { Kafka, logLevel, type Broker, type Cluster } from 'kafkajs';
import { ClusterError, clusterErrorFrom } from './cluster-error.js';
import { DESCRIBE_GROUPS_API_KEY, DESCRIBE_GROUPS_VERSION, describeGroupRequest, type DescribedGroupBytes, type KafkaJSProtocolRequest } from './describe-groups-request.js';

/** KafkaJS' Broker beyond its typings: the API versions it agreed with the broker, and its connections. */
interface CoordinatorBroker {
  readonly versions: Readonly<Record<number, { readonly maxVersion: number } | undefined>>;
  readonly connectionPool: { send<Decoded, Result>(request: KafkaJSProtocolRequest<Decoded, Result>): Promise<Result> };
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
    if (group.state === 'Dead') throw new ClusterError(`group "${groupId}" does not exist on ${brokers.join(',')}`);
    return group;
  } catch (error) {
    throw error instanceof ClusterError ? error : clusterErrorFrom(error, brokers, groupId);
  } finally {
    await cluster.disconnect();
  }
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
