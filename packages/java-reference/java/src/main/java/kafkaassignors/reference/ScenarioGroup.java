package kafkaassignors.reference;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * A scenario (the project's JSON scenario format) as a Java group leader would see it: the cluster metadata
 * and the members' subscriptions.
 *
 * <p>The cluster has one broker per rack named in any {@code replicaRacks}, plus one without a rack; each
 * partition's replicas are the brokers of its racks, or the rackless broker when it lists none. Topics with no
 * partitions have no metadata, as for the real client. Each member's subscription carries its topics, raw user
 * data if given, owned partitions, generation and rack, as the leader decodes them from the wire (so an empty
 * rack is no rack), and its group instance id, as the leader copies it from the JoinGroup response.
 */
record ScenarioGroup(Cluster cluster, GroupSubscription subscriptions, List<String> memberIds) {
  private static final int NO_GENERATION = -1;

  static ScenarioGroup from(Object json) {
    Map<String, Object> scenario = object(json, "scenario");
    Cluster cluster = cluster(list(scenario.get("topics"), "topics"));
    Map<String, Subscription> subscriptions = new HashMap<>();
    List<String> memberIds = new ArrayList<>();
    for (Object entry : list(scenario.get("members"), "members")) {
      Map<String, Object> member = object(entry, "member");
      String memberId = string(member.get("memberId"), "memberId");
      memberIds.add(memberId);
      subscriptions.put(memberId, subscription(member));
    }
    return new ScenarioGroup(cluster, new GroupSubscription(subscriptions), memberIds);
  }

  private static Cluster cluster(List<Object> topics) {
    Node rackless = new Node(0, "localhost", 9092);
    Map<String, Node> nodeByRack = new LinkedHashMap<>();
    List<PartitionInfo> partitions = new ArrayList<>();
    for (Object entry : topics) {
      Map<String, Object> topic = object(entry, "topic");
      String name = string(topic.get("name"), "topic name");
      int partitionCount = integer(topic.get("partitions"), "partitions");
      List<Object> replicaRacks = topic.get("replicaRacks") == null ? List.of() : list(topic.get("replicaRacks"), "replicaRacks");
      for (int partition = 0; partition < partitionCount; partition++) {
        List<Node> replicas = new ArrayList<>();
        if (partition < replicaRacks.size()) {
          for (Object rack : list(replicaRacks.get(partition), "replicaRacks entry")) {
            Node node = nodeByRack.computeIfAbsent(string(rack, "rack"),
                r -> new Node(nodeByRack.size() + 1, "localhost", 9093 + nodeByRack.size(), r));
            if (!replicas.contains(node)) replicas.add(node);
          }
        }
        if (replicas.isEmpty()) replicas.add(rackless);
        Node[] nodes = replicas.toArray(new Node[0]);
        partitions.add(new PartitionInfo(name, partition, nodes[0], nodes, nodes));
      }
    }
    List<Node> nodes = new ArrayList<>();
    nodes.add(rackless);
    nodes.addAll(nodeByRack.values());
    return new Cluster("java-reference", nodes, partitions, Collections.emptySet(), Collections.emptySet());
  }

  private static Subscription subscription(Map<String, Object> member) {
    List<String> topics = new ArrayList<>();
    for (Object topic : list(member.get("topics"), "topics")) topics.add(string(topic, "topic"));
    ByteBuffer userData = member.get("userData") == null
        ? null
        : ByteBuffer.wrap(Base64.getDecoder().decode(string(member.get("userData"), "userData")));
    List<TopicPartition> owned = new ArrayList<>();
    if (member.get("owned") != null) {
      for (Object entry : list(member.get("owned"), "owned")) {
        Map<String, Object> topicPartitions = object(entry, "owned entry");
        String topic = string(topicPartitions.get("topic"), "owned topic");
        for (Object partition : list(topicPartitions.get("partitions"), "owned partitions")) {
          owned.add(new TopicPartition(topic, integer(partition, "owned partition")));
        }
      }
    }
    int generationId = member.get("generationId") == null ? NO_GENERATION : integer(member.get("generationId"), "generationId");
    Optional<String> rackId = optionalString(member.get("rackId"), "rackId").filter(rack -> !rack.isEmpty());
    Subscription subscription = new Subscription(topics, userData, owned, generationId, rackId);
    subscription.setGroupInstanceId(optionalString(member.get("groupInstanceId"), "groupInstanceId"));
    return subscription;
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

  private static Optional<String> optionalString(Object json, String what) {
    return json == null ? Optional.empty() : Optional.of(string(json, what));
  }

  private static int integer(Object json, String what) {
    if (!(json instanceof Long)) throw new IllegalArgumentException(what + ": expected an integer");
    return Math.toIntExact((Long) json);
  }
}
