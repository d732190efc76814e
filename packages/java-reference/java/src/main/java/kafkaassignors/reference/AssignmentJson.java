package kafkaassignors.reference;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupAssignment;
import org.apache.kafka.common.TopicPartition;

/**
 * A group assignment in the scenario output format, normalised: members in scenario order, each member's topics
 * by name and partitions ascending (the assignors' own list order follows HashMap iteration and means nothing).
 * A member the assignor left out is left out here too, so that the omission shows.
 */
final class AssignmentJson {
  private AssignmentJson() {}

  static String of(List<String> memberIds, GroupAssignment groupAssignment) {
    Map<String, Assignment> assignments = groupAssignment.groupAssignment();
    StringBuilder out = new StringBuilder("{\"assignment\":{");
    boolean firstMember = true;
    for (String memberId : memberIds) {
      Assignment assignment = assignments.get(memberId);
      if (assignment == null) continue;
      if (!firstMember) out.append(',');
      firstMember = false;
      out.append(Json.quote(memberId)).append(":[");
      Map<String, TreeSet<Integer>> partitionsByTopic = new TreeMap<>();
      for (TopicPartition partition : assignment.partitions()) {
        partitionsByTopic.computeIfAbsent(partition.topic(), topic -> new TreeSet<>()).add(partition.partition());
      }
      boolean firstTopic = true;
      for (Map.Entry<String, TreeSet<Integer>> entry : partitionsByTopic.entrySet()) {
        if (!firstTopic) out.append(',');
        firstTopic = false;
        out.append("{\"topic\":").append(Json.quote(entry.getKey())).append(",\"partitions\":[");
        boolean firstPartition = true;
        for (int partition : entry.getValue()) {
          if (!firstPartition) out.append(',');
          firstPartition = false;
          out.append(partition);
        }
        out.append("]}");
      }
      out.append(']');
    }
    return out.append("}}").toString();
  }
}
