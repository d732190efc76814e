export { parseBrokerList } from './broker-list.js';
export type { ExitStatus } from './child-exit.js';
export { startJavaPeer, type ClassicPeerOptions, type ConsumerProtocolPeerOptions, type JavaPeer, type JavaPeerOptions } from './java-peer.js';
export { ensureJavaPeerBuild } from './java-peer-build.js';
export { brokerRelease, DEFAULT_KAFKA_VERSION, KafkaVersionError, peerVersion, type KafkaLine, type KafkaRelease } from './kafka-version.js';
export { kafkaFromEnvironment } from './kafka-from-environment.js';
export { MissingToolError } from './missing-tool-error.js';
export type {
  AssignedEvent,
  ConsumedEvent,
  PartitionCount,
  PeerErrorEvent,
  PeerEvent,
  ReadyEvent,
  RevokedEvent,
  StoppedEvent,
  TopicPartition,
} from './peer-event.js';
export { startKafka, type RunningKafka, type StartKafkaOptions } from './start-kafka.js';
export { startSteadyProducer, type SteadyProducer } from './steady-producer.js';
export {
  startKafkaCluster,
  type KafkaCluster,
  type KafkaClusterNode,
  type ProxiedListenerPorts,
  type StartKafkaClusterOptions,
} from './start-kafka-cluster.js';
export type { Credentials, SecuredListeners, SecuredUsers } from './secured/secured-listeners.js';
export type { TestCertificates } from './secured/test-certificates.js';
export { uniqueName } from './unique-name.js';
export { waitForKafka, type WaitForKafkaOptions } from './wait-for-kafka.js';
export { Changes } from './group/changes.js';
export { GroupLedger, type Generation, type HeldPartitions } from './group/group-ledger.js';
export { FAST_GROUP, startKafkaJSMember, type KafkaJSGroupMember } from './group/kafkajs-group-member.js';
export { expectedAssignment, runMixedGroup, type Departure, type MixedGroupOptions, type MixedGroupRun } from './group/mixed-group.js';
export { followEventStream, type EventStreamProcess } from './event-stream-process.js';
export { createTopic } from './create-topic.js';
export { freePorts } from './free-port.js';
export { findOnPath } from './require-tools.js';
export { startPlatformaticMember, type PlatformaticMember, type PlatformaticMemberOptions } from './group/platformatic-member.js';
export type { PlatformaticMemberAssignor, PlatformaticMemberEvent } from './group/platformatic-member-event.js';
export { ensurePlatformaticNode, PLATFORMATIC_NODE_VERSION } from './platformatic-node.js';
export { runThreeClientGroup, type GroupClient, type ThreeClientGroupOptions, type ThreeClientGroupRun } from './group/three-client-group.js';
export { runRollingRestart, STALL_INTERVALS, type PartitionOutage, type RollingRestartOptions, type RollingRestartRun } from './group/rolling-restart.js';
export { openTestGroup, type TestGroup } from './group/test-group.js';
