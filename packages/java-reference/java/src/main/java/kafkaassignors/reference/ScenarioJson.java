package kafkaassignors.reference;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** Reads a scenario from its JSON form, as {@link Json} parsed it. */
final class ScenarioJson {
  private ScenarioJson() {}

  static Scenario read(Object json) {
    Map<String, Object> scenario = object(json, "scenario");
    List<Scenario.Topic> topics = new ArrayList<>();
    for (Object entry : list(scenario.get("topics"), "topics")) topics.add(topic(object(entry, "topic")));
    List<Scenario.Member> members = new ArrayList<>();
    for (Object entry : list(scenario.get("members"), "members")) members.add(member(object(entry, "member")));
    return new Scenario(topics, members);
  }

  private static Scenario.Topic topic(Map<String, Object> topic) {
    String name = string(topic.get("name"), "topic name");
    int partitions = integer(topic.get("partitions"), "partitions");
    if (topic.get("replicaRacks") == null) return new Scenario.Topic(name, partitions, null);
    List<List<String>> replicaRacks = new ArrayList<>();
    for (Object racks : list(topic.get("replicaRacks"), "replicaRacks")) {
      List<String> partitionRacks = new ArrayList<>();
      for (Object rack : list(racks, "replicaRacks entry")) partitionRacks.add(string(rack, "rack"));
      replicaRacks.add(partitionRacks);
    }
    return new Scenario.Topic(name, partitions, replicaRacks);
  }

  private static Scenario.Member member(Map<String, Object> member) {
    List<String> topics = new ArrayList<>();
    for (Object topic : list(member.get("topics"), "topics")) topics.add(string(topic, "topic"));
    List<TopicPartition> owned = null;
    if (member.get("owned") != null) {
      owned = new ArrayList<>();
      for (Object entry : list(member.get("owned"), "owned")) {
        Map<String, Object> topicPartitions = object(entry, "owned entry");
        String topic = string(topicPartitions.get("topic"), "owned topic");
        for (Object partition : list(topicPartitions.get("partitions"), "owned partitions")) {
          owned.add(new TopicPartition(topic, integer(partition, "owned partition")));
        }
      }
    }
    Integer generationId = member.get("generationId") == null ? null : integer(member.get("generationId"), "generationId");
    ByteBuffer userData = member.get("userData") == null
        ? null
        : ByteBuffer.wrap(Base64.getDecoder().decode(string(member.get("userData"), "userData")));
    return new Scenario.Member(
        string(member.get("memberId"), "memberId"),
        optionalString(member.get("groupInstanceId"), "groupInstanceId"),
        optionalString(member.get("rackId"), "rackId"),
        topics,
        owned,
        generationId,
        userData);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object json, String what) {
    if (!(json instanceof Map)) throw new IllegalArgumentException(what + ": expected an object");
    return (Map<String, Object>) json;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object json, String what) {
    if (!(json instanceof List)) throw new IllegalArgumentException(what + ": expected an array");
    return (List<Object>) json;
  }

  private static String string(Object json, String what) {
    if (!(json instanceof String)) throw new IllegalArgumentException(what + ": expected a string");
    return (String) json;
  }

  private static String optionalString(Object json, String what) {
    return json == null ? null : string(json, what);
  }

  private static int integer(Object json, String what) {
    if (!(json instanceof Long)) throw new IllegalArgumentException(what + ": expected an integer");
    return Math.toIntExact((Long) json);
  }
}
