package kafkaassignors.reference;

import java.nio.ByteBuffer;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * A scenario (the project's scenario format) as read from JSON or from the compact binary form, before it becomes
 * what a Java group leader sees. Absent optional fields are null.
 */
record Scenario(List<Topic> topics, List<Member> members) {
  /** {@code replicaRacks}: for each partition the racks of its replicas, or null when the topic lists none. */
  record Topic(String name, int partitions, List<List<String>> replicaRacks) {}

  /**
   * {@code owned} and {@code generationId} describe the member's last rebalance (null when the scenario gives
   * none); {@code userData}, when given, replaces what the member's assignor would write.
   */
  record Member(
      String memberId,
      String groupInstanceId,
      String rackId,
      List<String> topics,
      List<TopicPartition> owned,
      Integer generationId,
      ByteBuffer userData) {}
}
