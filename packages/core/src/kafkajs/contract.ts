/**
 * The parts of KafkaJS 2.x that the adapter relies on, typed structurally so that core needs no runtime
 * dependency on kafkajs. They match `PartitionAssigner` and `Assigner` of kafkajs' own typings (a type test
 * checks it), plus two runtime facts the typings leave out: `Cluster.metadata` takes `{ topics }`, and the
 * group coordinator broker has `joinGroup`, `syncGroup`, `heartbeat`, `leaveGroup` and `describeGroups`.
 */

export interface KafkaJSLogger {
  info(message: string, extra?: object): void;
  warn(message: string, extra?: object): void;
  error(message: string, extra?: object): void;
  debug(message: string, extra?: object): void;
  /** A logger of the same client whose lines KafkaJS marks with `namespace` (`[namespace] message`). */
  namespace?(namespace: string): KafkaJSLogger;
}

export interface KafkaJSBrokerMetadata {
  brokers: { nodeId: number; rack?: string | null }[];
  topicMetadata: { topic: string; partitionMetadata: { partitionId: number; replicas: number[] }[] }[];
}

export interface KafkaJSCluster {
  metadata(options?: { topics: string[] }): Promise<KafkaJSBrokerMetadata>;
  findGroupCoordinator(group: { groupId: string }): Promise<object>;
}

/** What `kafka.consumer({ partitionAssigners })` takes: a factory called once per consumer. */
export type KafkaJSPartitionAssigner = (config: {
  cluster: KafkaJSCluster;
  groupId: string;
  logger: KafkaJSLogger;
}) => KafkaJSAssigner;

export interface KafkaJSAssigner {
  name: string;
  version: number;
  protocol(subscription: { topics: string[] }): { name: string; metadata: Buffer };
  assign(group: {
    members: { memberId: string; memberMetadata: Buffer; groupInstanceId?: string | null }[];
    topics: string[];
  }): Promise<{ memberId: string; memberAssignment: Buffer }[]>;
}

/** The group coordinator calls the adapter observes (KafkaJS' Broker, not in its typings). */
export interface KafkaJSJoinGroupRequest {
  groupId: string;
  sessionTimeout: number;
  groupProtocols: { name: string }[];
}

export interface KafkaJSJoinGroupResponse {
  generationId: number;
  groupProtocol: string;
  leaderId: string;
  memberId: string;
}

export interface KafkaJSSyncGroupRequest {
  groupId: string;
  generationId: number;
  memberId: string;
}

export interface KafkaJSHeartbeatRequest {
  groupId: string;
  groupGenerationId: number;
  memberId: string;
}

/** One group of a DescribeGroups response; `state` is `Dead` for a group the coordinator has no classic group of. */
export interface KafkaJSDescribedGroup {
  groupId: string;
  state: string;
  protocolType: string;
  protocol: string;
}

export interface KafkaJSCoordinator {
  describeGroups(request: { groupIds: string[] }): Promise<{ groups: KafkaJSDescribedGroup[] }>;
  joinGroup(request: KafkaJSJoinGroupRequest): Promise<KafkaJSJoinGroupResponse>;
  syncGroup(request: KafkaJSSyncGroupRequest): Promise<{ memberAssignment: Buffer }>;
  heartbeat(request: KafkaJSHeartbeatRequest): Promise<unknown>;
  leaveGroup(request: { groupId: string; memberId: string }): Promise<unknown>;
}
